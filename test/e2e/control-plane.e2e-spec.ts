import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { type ControlPlane, startControlPlane } from '../../apps/control-plane/src/start-control-plane.js';
import { createPartnerSimApp } from '../../apps/partner-sim/src/create-partner-sim-app.js';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app.js';
import { readyBanner } from '../../apps/control-plane/src/ready-banner.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { PortInUseError } from '#libs/core/src/http/listen-on.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';
import { createDatabase, dropDatabase, ensureTemplateDatabase, uniqueDatabaseName } from '../support/test-database.js';

const BOOTSTRAP_KEY = 'control-plane-test-bootstrap-key-0123456789';
// The demo keys of these throwaway databases must never land in a developer's own .demo/.
const DEMO_KEYS_DIR = mkdtempSync(join(tmpdir(), 'cp-control-plane-keys-'));
afterAll(() => rmSync(DEMO_KEYS_DIR, { recursive: true, force: true }));
const QUEUE_PREFIX = `{test-control-plane-${process.pid}-${Date.now().toString(36)}}`;
// Free ports for all three apps: a developer's `npm start` may hold the default ones.
const FREE_PORTS = { port: 0, partnerSimPort: 0, workerPort: 0 };
const configFor = (databaseUrl: string, env: Record<string, string> = {}) =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
    DEMO_KEYS_DIR,
    // The worker's queues: this file's own, never a developer's running control plane's.
    QUEUE_PREFIX: QUEUE_PREFIX,
    ...env,
    DATABASE_URL: databaseUrl,
  });

/** Whether nothing listens on any of these loopback ports. */
async function portsFree(ports: number[]): Promise<boolean> {
  for (const port of ports) {
    const server = net.createServer();
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (free) await new Promise((resolve) => server.close(resolve));
    else return false;
  }
  return true;
}

/** The first of `count` consecutive free ports, as npm start with PORT alone takes them. */
async function freePortRun(count: number): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    if (await portsFree(Array.from({ length: count }, (_, i) => base + i))) return base;
  }
}

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
    running = await startControlPlane(configFor(url), FREE_PORTS);
    expect(running.migrationsApplied.length).toBeGreaterThan(0);
    expect(running.seed).toMatchObject({ seeded: true });
    expect(running.components.map((c) => c.name)).toEqual(['partner-sim', 'api', 'worker']);

    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(200);
    const partners = await fetch(`${running.url}/v1/partners`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    const body = (await partners.json()) as { items: { code: string }[] };
    expect(body.items.map((p) => p.code).sort()).toEqual(['china-telecom', 'provider', 'softbank']);
  });

  it('provisions in one process: the API schedules, the worker drives the simulator, the request goes ACTIVE', async () => {
    running = await startControlPlane(configFor(url, { SEED_DEMO_WORLD: 'always' }), FREE_PORTS);
    const auth = { authorization: `Bearer ${BOOTSTRAP_KEY}`, 'content-type': 'application/json' };
    const get = async (path: string) => (await fetch(`${running!.url}${path}`, { headers: auth })).json() as Promise<Record<string, unknown>>;
    const tenants = (await get('/v1/tenants?homeCountry=CN&limit=100')) as { items: { id: string; homeCountry: string }[] };
    const images = (await get('/v1/catalogue/images?limit=100')) as { items: { id: string }[] };
    const submitted = await fetch(`${running.url}/v1/provisioning-requests`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        tenant: tenants.items.find((t) => t.homeCountry === 'CN')!.id,
        service: 'iaas',
        spec: { vms: [{ size: 'm1.small', image: images.items[0].id, count: 1 }], storageGib: 0, networkCidr: '10.30.0.0/16', preference: { dataCentre: 'cn-beijing-1' } },
      }),
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };
    const deadline = Date.now() + 30_000;
    let status = '';
    while (!['ACTIVE', 'ROLLED_BACK', 'FAILED'].includes(status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await get(`/v1/provisioning-requests/${id}`)).status as string;
    }
    expect(status).toBe('ACTIVE');
  });

  it('points the banner at the platform demo key file, whose key works, and prints no key', async () => {
    running = await startControlPlane(configFor(url, { SEED_DEMO_WORLD: 'always' }), FREE_PORTS);
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
    running = await startControlPlane(configFor(url), FREE_PORTS);
    expect(running.migrationsApplied).toEqual([]);
    expect(running.seed).toEqual({ seeded: false, reason: expect.stringMatching(/already holds data/) });
  });

  it('with PORT alone, a second instance starts beside the first: worker and simulator follow PORT', async () => {
    running = await startControlPlane(configFor(url), FREE_PORTS);
    const base = await freePortRun(3);
    const second = await startControlPlane(configFor(url, { PORT: String(base) }));
    try {
      expect(second.components.map((c) => [c.name, c.url])).toEqual([
        ['partner-sim', `http://127.0.0.1:${base + 2}`],
        ['api', `http://127.0.0.1:${base}`],
        ['worker', `http://127.0.0.1:${base + 1}`],
      ]);
      expect((await fetch(`${second.url}/health/ready`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('a port in use: one error naming the variable to change, and what had started is stopped', async () => {
    const base = await freePortRun(3);
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(base + 1, '127.0.0.1', resolve));
    try {
      const starting = startControlPlane(configFor(url, { PORT: String(base) }));
      await expect(starting).rejects.toThrow(
        new PortInUseError(base + 1, 'WORKER_PORT (unset: PORT + 1)'),
      );
      await expect(starting).rejects.toThrow(`Port ${base + 1} is in use (WORKER_PORT (unset: PORT + 1)): another control plane may be running here. Stop it, or set WORKER_PORT (unset: PORT + 1) to a free port.`);
      // The simulator and the API it had started no longer hold their ports.
      expect(await portsFree([base, base + 2])).toBe(true);
    } finally {
      holder.close();
    }
  });

  it('honours SEED_DEMO_WORLD=never', async () => {
    running = await startControlPlane(configFor(url, { SEED_DEMO_WORLD: 'never' }), FREE_PORTS);
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
