import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type AppConfig, loadConfig } from '#libs/core/src/config/app-config.js';
import { TENANT_SECTORS, TENANT_SEGMENTS } from '#libs/catalogue/src/domain/vocabulary.js';
import { DEMO_WORLD, demoTenantId } from '#libs/seed/src/demo-world.js';
import type { SeedReport } from '#libs/seed/src/seed-demo-world.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';
import { snapshotDatabase, startTestApp, type TestApp } from '../support/test-app.js';
import { databaseUrl } from '../support/test-database.js';

const WORLD_SIZE = Object.values(DEMO_WORLD).reduce((sum: number, items: unknown[]) => sum + items.length, 0);

describe('seed: the demo world', () => {
  let t: TestApp;
  let config: AppConfig;
  let first: SeedReport;

  beforeAll(async () => {
    t = await startTestApp();
    config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: databaseUrl(t.databaseName) });
    first = await withDemoWorldSeeder(config, (seeder) => seeder.seed());
  });
  afterAll(() => t.close());

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

  it('changes nothing when run a second time, and says so', async () => {
    const before = await snapshotDatabase(t.db);
    const second = await withDemoWorldSeeder(config, (seeder) => seeder.seed());
    expect(second.created).toEqual([]);
    expect(second.present).toHaveLength(WORLD_SIZE);
    expect(await snapshotDatabase(t.db)).toEqual(before);
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
