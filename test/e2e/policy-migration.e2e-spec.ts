import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '#libs/persistence/src/data-source-options.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { migrations } from '#libs/persistence/src/schema.js';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/test-database.js';

/**
 * The upgrade path: a database that ran the pipeline before the policy migration existed has live
 * reservations; the migration must start the tenants' quota counters at what those hold, or the
 * first holds after the upgrade would overrun every quota.
 */

const databaseName = uniqueDatabaseName('cp_test_upgrade');
let url: string;
let db: pg.Pool;

beforeAll(async () => {
  url = await createDatabase(databaseName);
  // Only the migrations before the policy one, as an older release would have run them.
  const before = migrations.slice(0, migrations.findIndex((m) => m.name === 'Policy1764777600000'));
  const older = await new DataSource({ ...dataSourceOptions(url), migrations: before }).initialize();
  await older.runMigrations({ transaction: 'each' });
  await older.destroy();
  db = new pg.Pool({ connectionString: url, max: 2 });
}, 30_000);

afterAll(async () => {
  await db.end();
  await dropDatabase(databaseName);
});

describe('the policy migration on a database with live reservations', () => {
  it('starts each tenant at the sum of its held and committed reservations, and installs the baseline rules', async () => {
    await db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia')`);
    await db.query(`INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
      VALUES ('CN', 'China', 'east-asia', false, 'Rationale.', 'in-country')`);
    await db.query(`INSERT INTO partners (code, name, kind, country) VALUES ('china-telecom', 'China Telecom', 'local-partner', 'CN')`);
    await db.query(`INSERT INTO data_centres (code, name, country, operator_code, ownership, services, capacity_vcpu, capacity_memory_gib,
      capacity_storage_gib, capacity_public_ips, used_vcpu, used_memory_gib, used_storage_gib, used_public_ips, status)
      VALUES ('cn-beijing-1', 'Beijing', 'CN', 'china-telecom', 'partner-operated', ARRAY['iaas'], 100, 400, 10000, 10, 6, 12, 160, 2, 'active')`);
    const [busy, idle] = [randomUUID(), randomUUID()];
    for (const [id, name] of [[busy, 'Busy Bank'], [idle, 'Idle Bank']]) {
      await db.query(`INSERT INTO tenants (id, name, home_country, segment, sector, residency, quota_vcpu, quota_memory_gib, quota_storage_gib, quota_vms, status)
        VALUES ($1, $2, 'CN', 'enterprise-large', 'financial', 'in-country', 100, 400, 10000, 50, 'active')`, [id, name]);
    }
    // Held, committed and released reservations of the busy tenant; only the first two count.
    for (const [vcpu, status] of [[2, 'held'], [4, 'committed'], [8, 'released']] as const) {
      const requestId = randomUUID();
      await db.query(`INSERT INTO provisioning_requests (id, tenant_id, service, spec, status, demand, submitted_by, data_centre_code)
        VALUES ($1, $2, 'iaas', '{}', 'PROVISIONING', '{}', 'test', 'cn-beijing-1')`, [requestId, busy]);
      await db.query(`INSERT INTO capacity_reservations (request_id, data_centre_code, tenant_id, vcpu, memory_gib, storage_gib, public_ips, vms, status)
        VALUES ($1, 'cn-beijing-1', $2, $3, $4, $5, 1, $6, $7)`, [requestId, busy, vcpu, vcpu * 2, vcpu * 40, vcpu / 2, status]);
    }

    // The policy migration and those after it.
    expect(await runMigrations(url)).toEqual(['Policy1764777600000', 'RoomForUpdates1764864000000', 'RateLimitCounters1764950400000']);

    const { rows } = await db.query(`SELECT name, used_vcpu, used_memory_gib, used_storage_gib, used_vms FROM tenants ORDER BY name`);
    expect(rows).toEqual([
      { name: 'Busy Bank', used_vcpu: 6, used_memory_gib: 12, used_storage_gib: 240, used_vms: 3 },
      { name: 'Idle Bank', used_vcpu: 0, used_memory_gib: 0, used_storage_gib: 0, used_vms: 0 },
    ]);
    const rules = await db.query(`SELECT count(*)::int AS n FROM policy_rules`);
    const history = await db.query(`SELECT count(*)::int AS n FROM policy_rule_versions WHERE changed_by = 'migration' AND version = 1`);
    expect(rules.rows[0].n).toBeGreaterThan(0);
    expect(history.rows[0].n).toBe(rules.rows[0].n);
  });
});
