import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { demandOf, type IaasSpec } from '#libs/provisioning/src/domain/iaas-spec.js';
import type { PlacementRequest } from '#libs/provisioning/src/placement/place-request.js';
import { newRequestId } from '#libs/provisioning/src/requests/request-id.js';

/**
 * The world a reservations scenario runs in. Both layouts have ten data centres, so the reads and
 * the policy evaluation cost the same and only where the room is differs: 'hot' has one Chinese
 * site and nine abroad that Chinese tenants may not use; 'spread' has ten Chinese sites.
 */
export type Layout = 'hot' | 'spread';

const SIZE = { code: 'm1.medium', vcpu: 2, memoryGib: 4 };
/** Tenants whose VM quota runs out part way, so the over-quota path is exercised too. */
const SMALL_QUOTA_TENANTS = 2;
/** Share of the attempts left without room at the end, so the no-room path is exercised. */
const OVERFLOW = 0.02;

const FOREIGN_SITES = [
  ['jp-tokyo-1', 'JP', 'softbank', 'partner-operated'],
  ['jp-osaka-1', 'JP', 'softbank', 'partner-operated'],
  ['jp-fukuoka-1', 'JP', 'softbank', 'partner-operated'],
  ['us-east-1', 'US', 'vchs', 'owned'],
  ['us-west-1', 'US', 'vchs', 'owned'],
  ['us-central-1', 'US', 'vchs', 'owned'],
  ['uk-london-1', 'GB', 'vchs', 'owned'],
  ['uk-slough-1', 'GB', 'vchs', 'owned'],
  ['uk-manchester-1', 'GB', 'vchs', 'owned'],
] as const;
const CN_CITIES = ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'chengdu', 'hangzhou', 'wuhan', 'xian', 'nanjing', 'tianjin'];

export interface World {
  /** The sites the tenants may use: where all the room is. */
  compliantSites: string[];
  /** Reservations that fit in the compliant sites altogether. */
  room: number;
  /** The VM quota of the small-quota tenants, in reservations. */
  smallQuota: number;
  /** The i-th reservation: a fresh request of tenant i mod the number of tenants. */
  request(i: number): PlacementRequest;
}

export async function arrangeWorld(db: DataSource, layout: Layout, reservations: number, tenants: number): Promise<World> {
  const perTenant = Math.ceil(reservations / tenants);
  const smallQuota = Math.floor(perTenant * 0.4);
  const overQuota = SMALL_QUOTA_TENANTS * (perTenant - smallQuota);
  const sites = layout === 'hot' ? 1 : 10;
  const roomPerSite = Math.floor((reservations - overQuota - reservations * OVERFLOW) / 10) * (10 / sites);
  const compliantSites = layout === 'hot' ? ['cn-beijing-1'] : CN_CITIES.map((city) => `cn-${city}-1`);

  await db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia'), ('north-america', 'North America'), ('europe', 'Europe')`);
  await db.query(`INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency) VALUES
    ('CN', 'China', 'east-asia', false, 'Foreign companies may not own data centres in China.', 'in-country'),
    ('JP', 'Japan', 'east-asia', true, 'Customers ask for data locality; a local partner runs the sites.', 'none'),
    ('US', 'United States', 'north-america', true, 'The provider runs its own sites.', 'none'),
    ('GB', 'United Kingdom', 'europe', true, 'The provider runs its own sites.', 'none')`);
  await db.query(`INSERT INTO partners (code, name, kind, country) VALUES ('vchs', 'vCloud Hybrid Service', 'provider', 'US'),
    ('china-telecom', 'China Telecom', 'local-partner', 'CN'), ('china-unicom', 'China Unicom', 'local-partner', 'CN'),
    ('softbank', 'SoftBank', 'local-partner', 'JP')`);
  const siteRows = [
    ...compliantSites.map((code, i) => [code, 'CN', i % 2 === 0 ? 'china-telecom' : 'china-unicom', 'partner-operated', roomPerSite] as const),
    ...(layout === 'hot' ? FOREIGN_SITES.map((site) => [...site, reservations] as const) : []),
  ];
  for (const [code, country, operator, ownership, room] of siteRows) {
    // vCPU is the pool that runs out; the others have twice the room.
    await db.query(
      `INSERT INTO data_centres (code, name, country, operator_code, ownership, services, capacity_vcpu, capacity_memory_gib,
         capacity_storage_gib, capacity_public_ips, status) VALUES ($1, $1, $2, $3, $4, ARRAY['iaas'], $5, $6, $7, $8, 'active')`,
      [code, country, operator, ownership, room * SIZE.vcpu, room * SIZE.memoryGib * 2, room * 100, room * 2],
    );
  }
  const tenantIds = Array.from({ length: tenants }, () => randomUUID());
  for (const [i, id] of tenantIds.entries()) {
    await db.query(
      `INSERT INTO tenants (id, name, home_country, segment, sector, residency, quota_vcpu, quota_memory_gib, quota_storage_gib, quota_vms, status)
       VALUES ($1, $2, 'CN', 'enterprise-large', 'financial', 'in-country', 1000000, 1000000, 100000000, $3, 'active')`,
      [id, `Bench tenant ${i + 1}`, i < SMALL_QUOTA_TENANTS ? smallQuota : 1_000_000],
    );
  }
  const imageId = randomUUID();
  await db.query(`INSERT INTO images (id, name, os_family, vendor, version) VALUES ($1, 'RHEL 7', 'linux', 'Red Hat', '7')`, [imageId]);
  await db.query(`INSERT INTO sizes (code, name, vcpu, memory_gib) VALUES ($1, 'Medium', $2, $3)`, [SIZE.code, SIZE.vcpu, SIZE.memoryGib]);

  const spec: IaasSpec = {
    vms: [{ size: SIZE.code, image: imageId, count: 1 }],
    storageGib: 10,
    networkCidr: '10.20.0.0/16',
    hybridLink: null,
    preference: { dataCentre: null, country: null },
  };
  const demand = demandOf(spec, new Map([[SIZE.code, SIZE]]));
  return {
    compliantSites,
    room: roomPerSite * sites,
    smallQuota,
    request: (i) => ({ id: newRequestId(), tenantId: tenantIds[i % tenants], service: 'iaas', spec, demand }),
  };
}

/** The row `placeAndHold` needs first: its reservation references the request. */
export async function insertSubmittedRequest(db: Pick<DataSource, 'query'>, request: PlacementRequest): Promise<void> {
  await db.query(
    `INSERT INTO provisioning_requests (id, tenant_id, service, spec, status, version, demand, submitted_by)
     VALUES ($1, $2, $3, $4, 'SUBMITTED', 0, $5, 'bench')`,
    [request.id, request.tenantId, request.service, request.spec, request.demand],
  );
}

/**
 * Fails loudly unless every counter agrees with the reservations: no site over capacity, each
 * site's and each tenant's `used_*` the sum of its held reservations, and `held` rows in all.
 */
export async function assertLedgerConsistent(db: DataSource, held: number): Promise<void> {
  const problems: string[] = [];
  const over: { code: string }[] = await db.query(`SELECT code FROM data_centres WHERE used_vcpu > capacity_vcpu
    OR used_memory_gib > capacity_memory_gib OR used_storage_gib > capacity_storage_gib OR used_public_ips > capacity_public_ips`);
  if (over.length > 0) problems.push(`over capacity: ${over.map((r) => r.code).join(', ')}`);
  const sites: { code: string }[] = await db.query(`
    SELECT dc.code FROM data_centres dc LEFT JOIN (
      SELECT data_centre_code, sum(vcpu) AS vcpu, sum(memory_gib) AS mem, sum(storage_gib) AS sto, sum(public_ips) AS ips
      FROM capacity_reservations WHERE status = 'held' GROUP BY data_centre_code) r ON r.data_centre_code = dc.code
    WHERE (dc.used_vcpu, dc.used_memory_gib, dc.used_storage_gib, dc.used_public_ips)
      IS DISTINCT FROM (coalesce(r.vcpu, 0)::int, coalesce(r.mem, 0)::int, coalesce(r.sto, 0)::int, coalesce(r.ips, 0)::int)`);
  if (sites.length > 0) problems.push(`site used_* differ from held reservations: ${sites.map((r) => r.code).join(', ')}`);
  const tenants: { name: string }[] = await db.query(`
    SELECT t.name FROM tenants t LEFT JOIN (
      SELECT tenant_id, sum(vcpu) AS vcpu, sum(memory_gib) AS mem, sum(storage_gib) AS sto, sum(vms) AS vms
      FROM capacity_reservations WHERE status = 'held' GROUP BY tenant_id) r ON r.tenant_id = t.id
    WHERE (t.used_vcpu, t.used_memory_gib, t.used_storage_gib, t.used_vms)
      IS DISTINCT FROM (coalesce(r.vcpu, 0)::int, coalesce(r.mem, 0)::int, coalesce(r.sto, 0)::int, coalesce(r.vms, 0)::int)
      OR t.used_vms > t.quota_vms`);
  if (tenants.length > 0) problems.push(`tenant used_* differ from held reservations or exceed quota: ${tenants.map((r) => r.name).join(', ')}`);
  const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM capacity_reservations WHERE status = 'held'`);
  if (n !== held) problems.push(`${n} held reservation rows, but ${held} calls answered held`);
  if (problems.length > 0) throw new Error(`Ledger invariants FAILED: ${problems.join('; ')}`);
}
