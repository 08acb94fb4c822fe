import { expect } from '@jest/globals';
import type { Response, Test } from 'supertest';
import type { SiteLocation, TenantHome } from '#libs/catalogue/src/access/tenant-reach.js';
import { createTestKey } from './api-keys.js';
import { expectProblem } from './problem-assertions.js';
import { snapshotDatabase, type TestApp } from './test-app.js';

/**
 * A small world with every scope in it, for the cross-scope suites: two local partners and the
 * provider, data centres in four countries, tenants with each residency, and a key per principal.
 *
 *   east-asia: CN (china-telecom: cn-beijing-1, cn-shanghai-1), JP (softbank: jp-osaka-1, jp-tokyo-1)
 *   north-america: US (provider: us-east-1)      europe: GB (provider: uk-london-1)
 *
 * Tenants: bank (CN, in-country), securities (CN, in-country; has no key, an object only),
 * insurer (JP, in-region), trust (GB, none).
 */
export const PRINCIPALS = ['platform', 'chinaTelecom', 'softbank', 'bank', 'insurer', 'trust'] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type TenantName = 'bank' | 'securities' | 'insurer' | 'trust';

export const JURISDICTIONS: Record<string, { name: string; regionCode: string; mayOwn: boolean }> = {
  CN: { name: 'China', regionCode: 'east-asia', mayOwn: false },
  JP: { name: 'Japan', regionCode: 'east-asia', mayOwn: false },
  US: { name: 'United States', regionCode: 'north-america', mayOwn: true },
  GB: { name: 'United Kingdom', regionCode: 'europe', mayOwn: true },
};

export const DATA_CENTRES: Record<string, { country: string; operator: string }> = {
  'cn-beijing-1': { country: 'CN', operator: 'china-telecom' },
  'cn-shanghai-1': { country: 'CN', operator: 'china-telecom' },
  'jp-osaka-1': { country: 'JP', operator: 'softbank' },
  'jp-tokyo-1': { country: 'JP', operator: 'softbank' },
  'uk-london-1': { country: 'GB', operator: 'provider' },
  'us-east-1': { country: 'US', operator: 'provider' },
};

export const TENANTS: Record<TenantName, { name: string; homeCountry: string; residency: TenantHome['residency']; sector: string }> = {
  bank: { name: 'Beijing Commercial Bank', homeCountry: 'CN', residency: 'in-country', sector: 'financial' },
  securities: { name: 'Shanghai Securities', homeCountry: 'CN', residency: 'in-country', sector: 'financial' },
  insurer: { name: 'Tokyo Marine Insurance', homeCountry: 'JP', residency: 'in-region', sector: 'insurance' },
  trust: { name: 'Northfield NHS Trust', homeCountry: 'GB', residency: 'none', sector: 'healthcare' },
};

export const homeOf = (tenant: TenantName): TenantHome => {
  const { homeCountry, residency } = TENANTS[tenant];
  return { country: homeCountry, regionCode: JURISDICTIONS[homeCountry].regionCode, residency };
};

export const siteOf = (code: string): SiteLocation => {
  const { country } = DATA_CENTRES[code];
  return { country, regionCode: JURISDICTIONS[country].regionCode };
};

export interface World {
  keys: Record<Principal, string>;
  tenantIds: Record<TenantName, string>;
  imageId: string;
}

/** Arranges the world through the API as the platform operator, then stores a key per principal. */
export async function arrangeWorld(t: TestApp): Promise<World> {
  const post = async (url: string, body: Record<string, unknown>) =>
    (await t.http.post(url).send(body).expect(201)).body as Record<string, string>;
  for (const [code, name] of [['east-asia', 'East Asia'], ['europe', 'Europe'], ['north-america', 'North America']]) {
    await post('/v1/regions', { code, name });
  }
  for (const [country, { name, regionCode, mayOwn }] of Object.entries(JURISDICTIONS)) {
    await post('/v1/jurisdictions', {
      country,
      name,
      regionCode,
      providerMayOwnDataCentres: mayOwn,
      ownershipRationale: mayOwn ? 'No restriction.' : 'Foreign companies may not own data centres here.',
      defaultResidency: 'in-country',
    });
  }
  await post('/v1/partners', { code: 'provider', name: 'Provider', kind: 'provider' });
  await post('/v1/partners', { code: 'china-telecom', name: 'China Telecom', kind: 'local-partner', country: 'CN' });
  await post('/v1/partners', { code: 'softbank', name: 'SoftBank', kind: 'local-partner', country: 'JP' });
  const capacity = { vcpu: 1000, memoryGib: 4000, storageGib: 100_000, publicIps: 256 };
  for (const [code, { country, operator }] of Object.entries(DATA_CENTRES)) {
    const ownership = operator === 'provider' ? 'owned' : 'partner-operated';
    await post('/v1/data-centres', { code, name: code, country, operator, ownership, services: ['iaas'], capacity });
  }
  const quotas = { vcpu: 100, memoryGib: 400, storageGib: 10_000, vms: 50 };
  const tenantIds = {} as Record<TenantName, string>;
  for (const [key, tenant] of Object.entries(TENANTS) as [TenantName, (typeof TENANTS)[TenantName]][]) {
    tenantIds[key] = (await post('/v1/tenants', { ...tenant, segment: 'enterprise-large', quotas })).id;
  }
  const imageId = (await post('/v1/catalogue/images', { name: 'Kylin Server 10', osFamily: 'linux', vendor: 'Kylinsoft', version: '10' })).id;
  await post('/v1/catalogue/sizes', { code: 'm1.small', name: 'Small', vcpu: 1, memoryGib: 2 });

  const keys: Record<Principal, string> = {
    platform: t.platformKey,
    chinaTelecom: await createTestKey(t.db, { role: 'partner-operator', partnerCode: 'china-telecom' }),
    softbank: await createTestKey(t.db, { role: 'partner-operator', partnerCode: 'softbank' }),
    bank: await createTestKey(t.db, { role: 'tenant', tenantId: tenantIds.bank }),
    insurer: await createTestKey(t.db, { role: 'tenant', tenantId: tenantIds.insurer }),
    trust: await createTestKey(t.db, { role: 'tenant', tenantId: tenantIds.trust }),
  };
  return { keys, tenantIds, imageId };
}

export type Method = 'get' | 'post' | 'patch';

/** A request as one principal. */
export function caller(t: TestApp, world: World, principal: Principal) {
  return (method: Method, url: string, body?: object): Test => {
    const req = t.anonymous[method](url).set('Authorization', `Bearer ${world.keys[principal]}`);
    return body === undefined ? req : req.send(body);
  };
}

/** Every key of a list, following nextCursor to the end: what the caller can reach by paging. */
export async function walkList(send: (url: string) => Test, path: string, limit = 1): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const separator = path.includes('?') ? '&' : '?';
    const res: Response = await send(`${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
    const items = res.body.items as { code?: string; country?: string; id?: string }[];
    expect(items.length).toBeLessThanOrEqual(limit);
    found.push(...items.map((item) => item.code ?? item.id ?? item.country!));
    cursor = res.body.nextCursor as string | null;
    if (cursor === null) return found;
  }
  throw new Error(`${path} did not end after 50 pages`);
}

/** The answer with every mention of the id masked, so two answers about different ids compare. */
const masked = (res: Response, id: string): unknown => ({
  contentType: res.headers['content-type'],
  body: JSON.parse(JSON.stringify(res.body).replaceAll(id, '<id>')),
});

/**
 * Another scope's object: 404 problem+json, nothing changed, and the very answer (masked id) the
 * same principal gets for an id that names nothing, so the two cannot be told apart.
 */
export async function expectHidden(t: TestApp, send: (id: string) => Test, id: string, missingId: string): Promise<void> {
  const before = await snapshotDatabase(t.db);
  const res = await send(id);
  expectProblem(res, 404);
  expect(await snapshotDatabase(t.db)).toEqual(before);
  const missing = await send(missingId);
  expectProblem(missing, 404);
  expect(masked(res, id)).toEqual(masked(missing, missingId));
}
