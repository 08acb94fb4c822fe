import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseKey } from '#libs/access/src/domain/api-key-secret.js';
import { type AppConfig, loadConfig } from '#libs/core/src/config/app-config.js';
import { TENANT_SECTORS, TENANT_SEGMENTS } from '#libs/catalogue/src/domain/vocabulary.js';
import { DEMO_WORLD, demoTenantId } from '#libs/seed/src/demo-world.js';
import type { DemoKeysOutcome, DemoSeedReport } from '#libs/seed/src/demo-world.seeder.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';
import { snapshotDatabase, startTestApp, type TestApp } from '../support/test-app.js';
import { databaseUrl } from '../support/test-database.js';

const WORLD_SIZE = Object.values(DEMO_WORLD).reduce((sum: number, items: unknown[]) => sum + items.length, 0);

interface DemoKeyFileEntry {
  name: string;
  role: string;
  scope: Record<string, string>;
  key: string;
}

const configEnv = (databaseName: string) => ({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: databaseUrl(databaseName) });

/** Every file in the keys directory with its text and modification time: equal means untouched. */
async function keyFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const path = join(dir, name);
    files[name] = `${(await stat(path)).mtimeMs}:${await readFile(path, 'utf8')}`;
  }
  return files;
}

describe('seed: the demo world', () => {
  let t: TestApp;
  let config: AppConfig;
  let first: DemoSeedReport;
  let keysDir: string;

  beforeAll(async () => {
    t = await startTestApp();
    keysDir = await mkdtemp(join(tmpdir(), 'cp-demo-keys-'));
    config = loadConfig({ ...configEnv(t.databaseName), DEMO_KEYS_DIR: keysDir });
    first = await withDemoWorldSeeder(config, (seeder) => seeder.seed());
  });
  afterAll(async () => {
    await t.close();
    await rm(keysDir, { recursive: true, force: true });
  });

  it('creates the whole world in a fresh database', () => {
    expect(first.created).toHaveLength(WORLD_SIZE);
    expect(first.present).toEqual([]);
  });

  it('puts Beijing with China Telecom as a partner-operated site, and US/UK sites with the provider', async () => {
    const { rows } = await t.db.query<{ code: string; country: string; operator_code: string; ownership: string }>(
      `SELECT code, country, operator_code, ownership FROM data_centres ORDER BY code`,
    );
    const byCode = Object.fromEntries(rows.map((row) => [row.code, row]));
    expect(byCode['cn-beijing-1']).toMatchObject({ country: 'CN', operator_code: 'china-telecom', ownership: 'partner-operated' });
    for (const code of ['us-east-1', 'us-west-1', 'uk-south-1']) {
      expect(byCode[code]).toMatchObject({ operator_code: 'provider', ownership: 'owned' });
    }
    for (const code of ['jp-tokyo-1', 'jp-osaka-1']) {
      expect(byCode[code]).toMatchObject({ country: 'JP', operator_code: 'softbank', ownership: 'partner-operated' });
    }
    expect(rows.filter((row) => row.country === 'CN' && row.ownership === 'owned')).toEqual([]);
  });

  it('covers every segment and sector, in China, Japan, the UK and the US', async () => {
    const distinct = async (column: string) =>
      (await t.db.query<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM tenants ORDER BY 1`)).rows.map((r) => r.v);
    expect(await distinct('segment')).toEqual([...TENANT_SEGMENTS].sort());
    expect(await distinct('sector')).toEqual([...TENANT_SECTORS].sort());
    expect(await distinct('home_country')).toEqual(['CN', 'GB', 'JP', 'US']);
  });

  it('gives tenants the ids derived from their names, and the rules of their jurisdiction', async () => {
    const { rows } = await t.db.query<{ id: string; residency: string }>(
      `SELECT id, residency FROM tenants WHERE name = 'Beijing Commercial Bank'`,
    );
    expect(rows).toEqual([{ id: demoTenantId('Beijing Commercial Bank'), residency: 'in-country' }]);
    const { rows: china } = await t.db.query(`SELECT provider_may_own_data_centres AS may FROM jurisdictions WHERE country = 'CN'`);
    expect(china).toEqual([{ may: false }]);
  });

  it('is served by the API', async () => {
    const res = await t.http.get('/v1/partners').expect(200);
    expect(res.body.items.map((p: { code: string }) => p.code).sort()).toEqual(['china-telecom', 'provider', 'softbank']);
  });

  it('makes a demo key for the platform, each partner and each tenant, in files only their owner reads', async () => {
    const expectedNames = [
      'platform-operator',
      ...DEMO_WORLD.partners.map((p) => `${p.code}-operator`),
      ...DEMO_WORLD.tenants.map(() => expect.stringMatching(/^tenant-[a-z0-9-]+$/)),
    ];
    expect(first.demoKeys).toMatchObject({ made: true, kept: [], skipped: [] });
    expect((first.demoKeys as Extract<DemoKeysOutcome, { made: true }>).created).toEqual(expectedNames);
    const entries = JSON.parse(await readFile(join(keysDir, 'api-keys.json'), 'utf8')) as DemoKeyFileEntry[];
    expect(entries.map((e) => e.name)).toEqual(expectedNames);
    expect(entries.find((e) => e.name === 'china-telecom-operator')).toMatchObject({
      role: 'partner-operator',
      scope: { kind: 'partner', partnerCode: 'china-telecom' },
    });
    expect(entries.find((e) => e.name === 'tenant-beijing-commercial-bank')).toMatchObject({
      role: 'tenant',
      scope: { kind: 'tenant', tenantId: demoTenantId('Beijing Commercial Bank') },
    });
    for (const entry of entries) {
      const file = join(keysDir, `${entry.name}.key`);
      expect((await readFile(file, 'utf8')).trim()).toBe(entry.key);
      expect((await stat(file)).mode & 0o077).toBe(0);
    }
    expect((await stat(join(keysDir, 'api-keys.json'))).mode & 0o077).toBe(0);
  });

  it('makes keys the API accepts, each with its role', async () => {
    const entries = JSON.parse(await readFile(join(keysDir, 'api-keys.json'), 'utf8')) as DemoKeyFileEntry[];
    const key = (name: string) => `Bearer ${entries.find((e) => e.name === name)!.key}`;
    await t.anonymous.get('/v1/api-keys').set('Authorization', key('platform-operator')).expect(200);
    // Authenticated, and then refused for the role: a 403, not a 401.
    await t.anonymous.get('/v1/api-keys').set('Authorization', key('softbank-operator')).expect(403);
    await t.anonymous.get('/v1/api-keys').set('Authorization', key('tenant-beijing-commercial-bank')).expect(403);
    const { rows } = await t.db.query(`SELECT DISTINCT created_by FROM api_keys`);
    expect(rows).toEqual([{ created_by: 'seed' }]);
  });

  it('changes nothing when run a second time, and says so: not the database, not the files', async () => {
    const before = await snapshotDatabase(t.db);
    const files = await keyFiles(keysDir);
    const second = await withDemoWorldSeeder(config, (seeder) => seeder.seed());
    expect(second.created).toEqual([]);
    expect(second.present).toHaveLength(WORLD_SIZE);
    expect(second.demoKeys).toMatchObject({ made: true, created: [], filesWritten: [] });
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect(await keyFiles(keysDir)).toEqual(files);
  });

  it('replaces a demo key that no longer works, revoking the old one, and restores a lost key file', async () => {
    const entries = JSON.parse(await readFile(join(keysDir, 'api-keys.json'), 'utf8')) as DemoKeyFileEntry[];
    const revokedId = parseKey(entries.find((e) => e.name === 'softbank-operator')!.key)!.keyId;
    await t.db.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [revokedId]);
    await unlink(join(keysDir, 'platform-operator.key'));

    const report = await withDemoWorldSeeder(config, (seeder) => seeder.seed());
    expect(report.demoKeys).toMatchObject({ made: true, created: ['softbank-operator'] });
    const after = JSON.parse(await readFile(join(keysDir, 'api-keys.json'), 'utf8')) as DemoKeyFileEntry[];
    const replaced = after.find((e) => e.name === 'softbank-operator')!.key;
    expect(parseKey(replaced)!.keyId).not.toBe(revokedId);
    await t.anonymous.get('/v1/api-keys').set('Authorization', `Bearer ${replaced}`).expect(403);
    const platform = (await readFile(join(keysDir, 'platform-operator.key'), 'utf8')).trim();
    expect(platform).toBe(entries.find((e) => e.name === 'platform-operator')!.key);
    const { rows } = await t.db.query(`SELECT count(*)::int AS live FROM api_keys WHERE name = 'softbank-operator' AND revoked_at IS NULL`);
    expect(rows).toEqual([{ live: 1 }]);
  });

  it('makes no demo keys in production', async () => {
    const productionDir = await mkdtemp(join(tmpdir(), 'cp-demo-keys-prod-'));
    try {
      const production = loadConfig({ ...configEnv(t.databaseName), NODE_ENV: 'production', DEMO_KEYS_DIR: productionDir });
      const before = await snapshotDatabase(t.db);
      const report = await withDemoWorldSeeder(production, (seeder) => seeder.seed());
      expect(report.demoKeys).toEqual({ made: false, reason: expect.stringMatching(/production/) });
      expect(await readdir(productionDir)).toEqual([]);
      expect(await snapshotDatabase(t.db)).toEqual(before);
    } finally {
      await rm(productionDir, { recursive: true, force: true });
    }
  });

  it('leaves a catalogue with data alone on start unless told to top it up', async () => {
    const before = await snapshotDatabase(t.db);
    const auto = await withDemoWorldSeeder(config, (seeder) => seeder.seedOnStart('auto'));
    expect(auto).toEqual({ seeded: false, reason: expect.stringMatching(/already holds data/) });
    const always = await withDemoWorldSeeder(config, (seeder) => seeder.seedOnStart('always'));
    expect(always).toMatchObject({ seeded: true, report: { created: [] } });
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });
});
