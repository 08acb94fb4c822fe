import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/**
 * The pipeline benchmark's world: one Chinese tenant and one partner-operated site with room for
 * every request, so the run measures the pipeline, not placement. Returns the submission body.
 */
export async function seedBenchWorld(db: pg.Pool) {
  const tenantId = randomUUID();
  const imageId = randomUUID();
  await db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia')`);
  await db.query(`INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
    VALUES ('CN', 'China', 'east-asia', false, 'Foreign companies may not own data centres in China.', 'in-country')`);
  await db.query(`INSERT INTO partners (code, name, kind, country) VALUES ('china-telecom', 'China Telecom', 'local-partner', 'CN')`);
  await db.query(`INSERT INTO data_centres (code, name, country, operator_code, ownership, services, capacity_vcpu,
    capacity_memory_gib, capacity_storage_gib, capacity_public_ips, status)
    VALUES ('cn-beijing-1', 'Beijing', 'CN', 'china-telecom', 'partner-operated', ARRAY['iaas'], 1000000, 1000000, 100000000, 1000000, 'active')`);
  await db.query(
    `INSERT INTO tenants (id, name, home_country, segment, sector, residency, quota_vcpu, quota_memory_gib,
    quota_storage_gib, quota_vms, status) VALUES ($1, 'Bench Bank', 'CN', 'enterprise-large', 'financial', 'in-country', 1000000, 1000000, 100000000, 1000000, 'active')`,
    [tenantId],
  );
  await db.query(`INSERT INTO images (id, name, os_family, vendor, version) VALUES ($1, 'RHEL 7', 'linux', 'Red Hat', '7')`, [imageId]);
  await db.query(`INSERT INTO sizes (code, name, vcpu, memory_gib) VALUES ('m1.small', 'Small', 1, 2)`);
  return {
    tenant: tenantId,
    service: 'iaas',
    spec: { vms: [{ size: 'm1.small', image: imageId, count: 1 }], storageGib: 10, networkCidr: '10.20.0.0/16' },
  };
}

/**
 * Whether any request of the run is still open. Polled during the runs, so it stops at the first
 * open one instead of counting the table: the benchmark's own reads are on the run's clock too.
 */
export async function anyOpen(db: pg.Pool): Promise<boolean> {
  const { rows } = await db.query<{ open: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM provisioning_requests WHERE status NOT IN ('ACTIVE', 'ROLLED_BACK', 'FAILED', 'REJECTED')) AS open`,
  );
  return rows[0].open;
}
