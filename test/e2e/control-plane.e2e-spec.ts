import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { type ControlPlane, startControlPlane } from '../../apps/control-plane/src/start-control-plane.js';
import { createPartnerSimApp } from '../../apps/partner-sim/src/create-partner-sim-app.js';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app.js';
import { readyBanner } from '../../apps/control-plane/src/ready-banner.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';
import { createDatabase, dropDatabase, ensureTemplateDatabase, uniqueDatabaseName } from '../support/test-database.js';

const BOOTSTRAP_KEY = 'control-plane-test-bootstrap-key-0123456789';
// The demo keys of these throwaway databases must never land in a developer's own .demo/.
const DEMO_KEYS_DIR = mkdtempSync(join(tmpdir(), 'cp-control-plane-keys-'));
afterAll(() => rmSync(DEMO_KEYS_DIR, { recursive: true, force: true }));
const configFor = (databaseUrl: string, env: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
    DEMO_KEYS_DIR,
    ...env,
    DATABASE_URL: databaseUrl,
  });

describe('control plane (npm start)', () => {
  const name = uniqueDatabaseName('cp_test_start');
  let url: string;
  let running: ControlPlane | undefined;

  beforeAll(async () => {
    // Empty, not cloned from the migrated template: the start path must migrate it itself.
    url = await createDatabase(name);
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  afterAll(() => dropDatabase(name));

  it('migrates an empty database, loads the demo world and serves the API', async () => {
    running = await startControlPlane(configFor(url), { port: 0 });
    expect(running.migrationsApplied.length).toBeGreaterThan(0);
    expect(running.seed).toMatchObject({ seeded: true });
    expect(running.components.map((c) => c.name)).toEqual(['api']);

    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(200);
    const partners = await fetch(`${running.url}/v1/partners`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    const body = (await partners.json()) as { items: { code: string }[] };
    expect(body.items.map((p) => p.code).sort()).toEqual(['china-telecom', 'provider', 'softbank']);
  });

  it('points the banner at the platform demo key file, whose key works, and prints no key', async () => {
    running = await startControlPlane(configFor(url, { SEED_DEMO_WORLD: 'always' }), { port: 0 });
    const keyFile = join(DEMO_KEYS_DIR, 'platform-operator.key');
    expect(running.platformKeyFile).toBe(keyFile);
    const key = readFileSync(keyFile, 'utf8').trim();
    const banner = readyBanner(running);
    expect(banner).toContain(`curl -s -H "Authorization: Bearer $(cat ${keyFile})" ${running.url}/v1/partners`);
    expect(banner).not.toContain(key);
    const res = await fetch(`${running.url}/v1/api-keys`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
  });

  it('on a restart migrates nothing and leaves the loaded catalogue alone', async () => {
    running = await startControlPlane(configFor(url), { port: 0 });
    expect(running.migrationsApplied).toEqual([]);
    expect(running.seed).toEqual({ seeded: false, reason: expect.stringMatching(/already holds data/) });
  });

  it('honours SEED_DEMO_WORLD=never', async () => {
    running = await startControlPlane(configFor(url, { SEED_DEMO_WORLD: 'never' }), { port: 0 });
    expect(running.seed).toEqual({ seeded: false, reason: 'SEED_DEMO_WORLD=never' });
  });
});

describe('an unmigrated database', () => {
  const name = uniqueDatabaseName('cp_test_unmigrated');
  let url: string;

  beforeAll(async () => {
    url = await createDatabase(name);
  });
  afterAll(() => dropDatabase(name));

  const refusal = [/is not migrated/, /npm run migration:run/];

  it('is refused by the API with a message that says what to run', async () => {
    const creating = createApiApp(configFor(url));
    for (const message of refusal) await expect(creating).rejects.toThrow(message);
  });

  it('is refused by the seed', async () => {
    const seeding = withDemoWorldSeeder(configFor(url), (seeder) => seeder.seed());
    for (const message of refusal) await expect(seeding).rejects.toThrow(message);
  });
});

describe('the worker and partner simulator apps', () => {
  const name = uniqueDatabaseName('cp_test_apps');
  let url: string;

  beforeAll(async () => {
    url = await createDatabase(name, await ensureTemplateDatabase(runMigrations));
  });
  afterAll(() => dropDatabase(name));

  it('the worker answers its liveness and readiness checks, and nothing else', async () => {
    const app = await createWorkerApp(configFor(url));
    await app.init();
    try {
      const http = request(app.getHttpServer());
      await http.get('/health').expect(200);
      const ready = await http.get('/health/ready').expect(200);
      expect(ready.body.info).toMatchObject({ postgresql: { status: 'up' }, redis: { status: 'up' } });
      const unknown = await http.get('/v1/partners').expect(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await app.close();
    }
  });

  it('the partner simulator answers its liveness check', async () => {
    const app = await createPartnerSimApp(configFor(url));
    await app.init();
    try {
      await request(app.getHttpServer()).get('/health').expect(200, { status: 'ok', info: {}, error: {}, details: {} });
    } finally {
      await app.close();
    }
  });

  it('the worker refuses an unmigrated database', async () => {
    const empty = uniqueDatabaseName('cp_test_worker_unmigrated');
    const emptyUrl = await createDatabase(empty);
    try {
      await expect(createWorkerApp(configFor(emptyUrl))).rejects.toThrow(/is not migrated/);
    } finally {
      await dropDatabase(empty);
    }
  });
});
