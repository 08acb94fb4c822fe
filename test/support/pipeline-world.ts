import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** A catalogue with a size and an image, and the country every site and tenant of the tests is in. */
export interface PipelineCatalogue {
  imageId: string;
  size: string;
}

export async function arrangeCatalogue(db: pg.Pool): Promise<PipelineCatalogue> {
  await db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia') ON CONFLICT DO NOTHING`);
  await db.query(
    `INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
     VALUES ('CN', 'China', 'east-asia', false, 'Foreigners may not own data centres in China.', 'in-country') ON CONFLICT DO NOTHING`,
  );
  const imageId = randomUUID();
  await db.query(`INSERT INTO images (id, name, os_family, vendor, version) VALUES ($1, $2, 'linux', 'Red Hat', '7')`, [imageId, `RHEL 7 ${imageId.slice(0, 8)}`]);
  await db.query(`INSERT INTO sizes (code, name, vcpu, memory_gib) VALUES ('m1.small', 'Small', 1, 2) ON CONFLICT DO NOTHING`);
  return { imageId, size: 'm1.small' };
}

/**
 * A partner with one data centre and a tenant of its own: a test that owns its partner owns its
 * simulator profile and faults, and its tenant's org, whatever else runs.
 */
export interface Site {
  partner: string;
  dataCentre: string;
  tenantId: string;
}

export const SITE_CAPACITY = { vcpu: 1000, memoryGib: 4000, storageGib: 100_000, publicIps: 500 };

export async function arrangeSite(db: pg.Pool, name: string): Promise<Site> {
  const unique = randomUUID().slice(0, 8);
  const partner = `${name}-${unique}`.slice(0, 40);
  const dataCentre = `cn-${name}-${unique}`.slice(0, 40);
  const tenantId = randomUUID();
  await db.query(`INSERT INTO partners (code, name, kind, country) VALUES ($1, $2, 'local-partner', 'CN')`, [partner, `Partner ${partner}`]);
  await db.query(
    `INSERT INTO data_centres (code, name, country, operator_code, ownership, services, capacity_vcpu, capacity_memory_gib,
       capacity_storage_gib, capacity_public_ips, status)
     VALUES ($1, $2, 'CN', $3, 'partner-operated', ARRAY['iaas'], $4, $5, $6, $7, 'active')`,
    [dataCentre, `Site ${dataCentre}`, partner, SITE_CAPACITY.vcpu, SITE_CAPACITY.memoryGib, SITE_CAPACITY.storageGib, SITE_CAPACITY.publicIps],
  );
  await db.query(
    `INSERT INTO tenants (id, name, home_country, segment, sector, residency, quota_vcpu, quota_memory_gib, quota_storage_gib, quota_vms, status)
     VALUES ($1, $2, 'CN', 'enterprise-large', 'financial', 'in-country', 10000, 40000, 1000000, 1000, 'active')`,
    [tenantId, `Tenant ${unique}`],
  );
  return { partner, dataCentre, tenantId };
}

export interface RequestShape {
  vms?: number;
  storageGib?: number;
  hybridLink?: boolean;
}

/** The body of POST /v1/provisioning-requests for a site. */
export function requestBody(catalogue: PipelineCatalogue, site: Site, shape: RequestShape = {}): Record<string, unknown> {
  return {
    tenant: site.tenantId,
    service: 'iaas',
    spec: {
      vms: [{ size: catalogue.size, image: catalogue.imageId, count: shape.vms ?? 2 }],
      storageGib: shape.storageGib ?? 100,
      networkCidr: '10.20.0.0/16',
      ...(shape.hybridLink === false ? {} : { hybridLink: { onPremisesCidr: '192.168.0.0/16', vpnGatewayAddress: '203.0.113.10' } }),
      preference: { dataCentre: site.dataCentre },
    },
  };
}
