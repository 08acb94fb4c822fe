import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * 200 submissions at once, against two compliant Chinese sites with room for 25 requests each and
 * a Japanese site with room for all of them that the tenants may not use: exactly as many are
 * placed as fit, only in China, and the ledger agrees with the live requests. The same against a
 * tenant quota. Every request asks for one m1.small VM: 1 vCPU, 2 GiB, 40 GiB boot disk, 1 IP.
 */

const SUBMISSIONS = 200;
const ROOM_PER_CHINESE_SITE = 25;

let t: TestApp;
let imageId: string;

async function insertTenant(name: string, quotaVms: number): Promise<string> {
  const id = randomUUID();
  await t.db.query(
    `INSERT INTO tenants (id, name, home_country, segment, sector, residency, quota_vcpu, quota_memory_gib, quota_storage_gib, quota_vms, status)
     VALUES ($1, $2, 'CN', 'enterprise-large', 'financial', 'in-country', 100000, 100000, 10000000, $3, 'active')`,
    [id, name, quotaVms],
  );
  return id;
}

async function insertSite(code: string, country: string, operator: string, room: number): Promise<void> {
  await t.db.query(
    `INSERT INTO data_centres (code, name, country, operator_code, ownership, services, capacity_vcpu, capacity_memory_gib,
       capacity_storage_gib, capacity_public_ips, status)
     VALUES ($1, $1, $2, $3, 'partner-operated', ARRAY['iaas'], $4, $5, $6, $7, 'active')`,
    [code, country, operator, room, room * 2, room * 40, room],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  await t.db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia')`);
  for (const [country, name] of [['CN', 'China'], ['JP', 'Japan']]) {
    await t.db.query(
      `INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
       VALUES ($1, $2, 'east-asia', $3, 'Rationale.', 'in-country')`,
      [country, name, country !== 'CN'],
    );
  }
  await t.db.query(`INSERT INTO partners (code, name, kind, country) VALUES ('china-telecom', 'China Telecom', 'local-partner', 'CN'), ('softbank', 'SoftBank', 'local-partner', 'JP')`);
  await insertSite('cn-beijing-1', 'CN', 'china-telecom', ROOM_PER_CHINESE_SITE);
  await insertSite('cn-shanghai-1', 'CN', 'china-telecom', ROOM_PER_CHINESE_SITE);
  await insertSite('jp-tokyo-1', 'JP', 'softbank', 100_000);
  imageId = randomUUID();
  await t.db.query(`INSERT INTO images (id, name, os_family, vendor, version) VALUES ($1, 'RHEL 7', 'linux', 'Red Hat', '7')`, [imageId]);
  await t.db.query(`INSERT INTO sizes (code, name, vcpu, memory_gib) VALUES ('m1.small', 'Small', 1, 2)`);
}, 30_000);
afterAll(() => t.close());

const submitAll = (tenants: string[]): Promise<Response[]> =>
  Promise.all(
    Array.from({ length: SUBMISSIONS }, (_, i) =>
      t.http.post('/v1/provisioning-requests').send({
        tenant: tenants[i % tenants.length],
        service: 'iaas',
        spec: { vms: [{ size: 'm1.small', image: imageId, count: 1 }], storageGib: 0, networkCidr: '10.20.0.0/16' },
      }),
    ),
  );

/** The ledger: per site and per tenant, the counters equal the live (held or committed) reservations. */
async function expectLedgerAgrees(): Promise<void> {
  const sites = await t.db.query(`
    SELECT dc.code, dc.used_vcpu, dc.capacity_vcpu, dc.used_public_ips, dc.capacity_public_ips,
           COALESCE(sum(r.vcpu) FILTER (WHERE r.status IN ('held', 'committed')), 0)::int AS reserved_vcpu
    FROM data_centres dc LEFT JOIN capacity_reservations r ON r.data_centre_code = dc.code GROUP BY dc.code`);
  for (const site of sites.rows) {
    expect(site.used_vcpu).toBe(site.reserved_vcpu);
    expect(site.used_vcpu).toBeLessThanOrEqual(site.capacity_vcpu);
    expect(site.used_public_ips).toBeLessThanOrEqual(site.capacity_public_ips);
  }
  const tenants = await t.db.query(`
    SELECT t.id, t.used_vms, t.quota_vms, COALESCE(sum(r.vms) FILTER (WHERE r.status IN ('held', 'committed')), 0)::int AS reserved_vms
    FROM tenants t LEFT JOIN capacity_reservations r ON r.tenant_id = t.id GROUP BY t.id`);
  for (const tenant of tenants.rows) expect(tenant.used_vms).toBe(tenant.reserved_vms);
  // Live requests and live reservations are the same set.
  const { rows } = await t.db.query(`
    SELECT count(*) FILTER (WHERE r.status IN ('held', 'committed'))::int AS live_reservations,
           (SELECT count(*)::int FROM provisioning_requests WHERE status NOT IN ('REJECTED', 'ROLLED_BACK', 'DECOMMISSIONED')) AS live_requests
    FROM capacity_reservations r`);
  expect(rows[0].live_reservations).toBe(rows[0].live_requests);
}

describe(`${SUBMISSIONS} simultaneous submissions`, () => {
  it('place exactly as many as fit, only in compliant sites, never over capacity', async () => {
    const tenants = await Promise.all(Array.from({ length: 10 }, (_, i) => insertTenant(`Bank ${i}`, 1000)));
    const responses = await submitAll(tenants);
    const placed = responses.filter((r) => r.status === 202);
    const refused = responses.filter((r) => r.status !== 202);
    expect(placed).toHaveLength(2 * ROOM_PER_CHINESE_SITE);
    expect(refused.map((r) => r.status)).toEqual(Array(SUBMISSIONS - 2 * ROOM_PER_CHINESE_SITE).fill(422));
    // Overflow went from one Chinese site to the other, never to Japan.
    const bySite = placed.reduce<Record<string, number>>((count, r) => ({ ...count, [r.body.dataCentre]: (count[r.body.dataCentre] ?? 0) + 1 }), {});
    expect(bySite).toEqual({ 'cn-beijing-1': ROOM_PER_CHINESE_SITE, 'cn-shanghai-1': ROOM_PER_CHINESE_SITE });
    // Each refusal says why: no compliant capacity, either as read or as lost to a concurrent hold.
    for (const r of refused) {
      expect(r.body.type).toMatch(/no-compliant-capacity$/);
      expect(r.body.detail).toMatch(/No compliant capacity/);
    }
    await expectLedgerAgrees();
  }, 120_000);

  it('never put a tenant over its quota', async () => {
    // Plenty of room: the Chinese sites get more, so only the quota can refuse.
    await t.db.query(`UPDATE data_centres SET capacity_vcpu = 100000, capacity_memory_gib = 200000, capacity_storage_gib = 10000000, capacity_public_ips = 100000 WHERE country = 'CN'`);
    const tenant = await insertTenant('Quota Bank', 30);
    const responses = await submitAll([tenant]);
    expect(responses.filter((r) => r.status === 202)).toHaveLength(30);
    const refusals = responses.filter((r) => r.status !== 202);
    expect(refusals.every((r) => r.status === 422 && /(policy-refused|quota-exceeded)$/.test(r.body.type))).toBe(true);
    const { rows } = await t.db.query(`SELECT used_vms FROM tenants WHERE id = $1`, [tenant]);
    expect(rows[0].used_vms).toBe(30);
    await expectLedgerAgrees();
  }, 120_000);
});
