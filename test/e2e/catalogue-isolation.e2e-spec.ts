import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { tenantMayUse } from '#libs/catalogue/src/access/tenant-reach.js';
import { encodeCursor } from '#libs/core/src/http/pagination.js';
import {
  arrangeWorld,
  caller,
  DATA_CENTRES,
  expectHidden,
  homeOf,
  type Method,
  type Principal,
  PRINCIPALS,
  siteOf,
  type TenantName,
  walkList,
  type World,
} from '../support/isolation-world.js';
import { expectProblem, expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Cross-scope cases for every catalogue object type: what each principal's lists hold, and that
 * another scope's object is a 404 indistinguishable from a missing one for reads, updates and
 * actions, a 403 only where the object is visible, and never a change. The world is described in
 * ../support/isolation-world.ts.
 */

const ALL_DATA_CENTRES = Object.keys(DATA_CENTRES).sort();
const SEES_DATA_CENTRES: Record<Principal, string[]> = {
  platform: ALL_DATA_CENTRES,
  chinaTelecom: ['cn-beijing-1', 'cn-shanghai-1'],
  softbank: ['jp-osaka-1', 'jp-tokyo-1'],
  bank: ['cn-beijing-1', 'cn-shanghai-1'], // in-country, CN
  insurer: ['cn-beijing-1', 'cn-shanghai-1', 'jp-osaka-1', 'jp-tokyo-1'], // in-region, east-asia
  trust: ALL_DATA_CENTRES, // none
};
const SEES_PARTNERS: Record<Principal, string[]> = {
  platform: ['china-telecom', 'provider', 'softbank'],
  chinaTelecom: ['china-telecom'],
  softbank: ['softbank'],
  bank: ['china-telecom'],
  insurer: ['china-telecom', 'softbank'],
  trust: ['china-telecom', 'provider', 'softbank'],
};
const TENANT_PRINCIPALS = ['bank', 'insurer', 'trust'] as const satisfies readonly (Principal & TenantName)[];
const PARTNER_PRINCIPALS = ['chinaTelecom', 'softbank'] as const satisfies readonly Principal[];

let t: TestApp;
let world: World;
const as = (principal: Principal) => caller(t, world, principal);
const refused = (principal: Principal, method: Method, url: string, status: number, body?: object) =>
  expectRefused(t.db, () => as(principal)(method, url, body), status);

beforeAll(async () => {
  t = await startTestApp();
  world = await arrangeWorld(t);
}, 30_000);
afterAll(() => t.close());

describe('lists hold exactly the rows of the caller’s scope, on every page', () => {
  const sorted = (keys: string[]) => {
    expect(new Set(keys).size).toBe(keys.length);
    return [...keys].sort();
  };

  it.each(PRINCIPALS)('%s: data centres', async (principal) => {
    const get = (url: string) => as(principal)('get', url);
    expect(sorted(await walkList(get, '/v1/data-centres', 1))).toEqual(SEES_DATA_CENTRES[principal]);
    expect(sorted(await walkList(get, '/v1/data-centres', 3))).toEqual(SEES_DATA_CENTRES[principal]);
  });

  it.each(PRINCIPALS)('%s: partners', async (principal) => {
    const get = (url: string) => as(principal)('get', url);
    expect(sorted(await walkList(get, '/v1/partners', 1))).toEqual(SEES_PARTNERS[principal]);
  });

  it.each(TENANT_PRINCIPALS)('%s: tenants, itself only', async (principal) => {
    const get = (url: string) => as(principal)('get', url);
    expect(await walkList(get, '/v1/tenants', 1)).toEqual([world.tenantIds[principal]]);
  });

  it('platform: every tenant', async () => {
    const get = (url: string) => as('platform')('get', url);
    expect(sorted(await walkList(get, '/v1/tenants', 1))).toEqual(Object.values(world.tenantIds).sort());
  });

  it.each(PARTNER_PRINCIPALS)('%s: may not list tenants at all (403)', async (principal) => {
    await refused(principal, 'get', '/v1/tenants', 403);
  });

  it.each(TENANT_PRINCIPALS)('%s: the data centres listed are the ones the plain tenant-reach rule allows', async (principal) => {
    const byRule = ALL_DATA_CENTRES.filter((code) => tenantMayUse(homeOf(principal), siteOf(code)));
    expect(byRule).toEqual(SEES_DATA_CENTRES[principal]);
    const get = (url: string) => as(principal)('get', url);
    expect(sorted(await walkList(get, '/v1/data-centres', 2))).toEqual(byRule);
  });

  it.each<[Principal, string, string[] | TenantName[]]>([
    ['bank', '/v1/data-centres?country=JP', []],
    ['insurer', '/v1/data-centres?country=JP', ['jp-osaka-1', 'jp-tokyo-1']],
    ['insurer', '/v1/data-centres?operator=provider', []],
    ['chinaTelecom', '/v1/data-centres?operator=softbank', []],
    ['chinaTelecom', '/v1/data-centres?country=CN&status=active', ['cn-beijing-1', 'cn-shanghai-1']],
    ['trust', '/v1/data-centres?operator=provider', ['uk-london-1', 'us-east-1']],
    ['trust', '/v1/data-centres?ownership=partner-operated&country=CN', ['cn-beijing-1', 'cn-shanghai-1']],
    ['bank', '/v1/partners?kind=provider', []],
    ['insurer', '/v1/partners?country=JP', ['softbank']],
    ['softbank', '/v1/partners?country=CN', []],
    ['bank', '/v1/tenants?homeCountry=CN', ['bank']],
    ['insurer', '/v1/tenants?homeCountry=CN', []],
  ])('%s: %s narrows the scope, never widens it', async (principal, path, expected) => {
    const get = (url: string) => as(principal)('get', url);
    const ids = path.startsWith('/v1/tenants') ? (expected as TenantName[]).map((name) => world.tenantIds[name]) : expected;
    expect(await walkList(get, path, 1)).toEqual(ids);
  });

  it.each<[Principal, string, string, string[]]>([
    ['bank', '/v1/data-centres', 'a', ['cn-beijing-1', 'cn-shanghai-1']],
    ['bank', '/v1/data-centres', 'cn-shanghai-1', []],
    ['insurer', '/v1/data-centres', 'cn-shanghai-1', ['jp-osaka-1', 'jp-tokyo-1']],
    ['chinaTelecom', '/v1/data-centres', 'cn-beijing-1', ['cn-shanghai-1']],
    ['softbank', '/v1/partners', 'a', ['softbank']],
  ])('%s: a cursor (even a hand-made one) only pages within the scope: %s after %s', async (principal, path, after, expected) => {
    const res = await as(principal)('get', `${path}?cursor=${encodeCursor(after)}`).expect(200);
    expect(res.body.items.map((item: { code: string }) => item.code)).toEqual(expected);
  });
});

describe('data centres', () => {
  const HIDDEN: [Principal, string][] = [
    ['chinaTelecom', 'jp-tokyo-1'],
    ['chinaTelecom', 'us-east-1'],
    ['softbank', 'cn-beijing-1'],
    ['softbank', 'uk-london-1'],
    ['bank', 'jp-tokyo-1'],
    ['bank', 'uk-london-1'],
    ['insurer', 'us-east-1'],
    ['insurer', 'uk-london-1'],
  ];
  const ROUTES: [string, Method, (code: string) => string, object | undefined][] = [
    ['read', 'get', (code) => `/v1/data-centres/${code}`, undefined],
    ['status change', 'patch', (code) => `/v1/data-centres/${code}/status`, { status: 'maintenance', reason: 'Power work' }],
    ['capacity change', 'patch', (code) => `/v1/data-centres/${code}/capacity`, { vcpu: 10 }],
  ];

  it.each(HIDDEN.flatMap(([principal, code]) => ROUTES.map(([name, method, url, body]) => ({ principal, code, name, method, url, body }))))(
    "$principal: $name of another scope's $code is a 404 like a missing one, changing nothing",
    async ({ principal, code, method, url, body }) => {
      await expectHidden(t, (id) => as(principal)(method, url(id), body), code, 'cn-nowhere-9');
    },
  );

  it.each(PRINCIPALS)('%s reads every data centre of its scope', async (principal) => {
    for (const code of SEES_DATA_CENTRES[principal]) {
      const res = await as(principal)('get', `/v1/data-centres/${code}`).expect(200);
      expect(res.body).toMatchObject({ code, operator: DATA_CENTRES[code].operator });
    }
  });

  it.each<[Principal, string, string]>([
    ['bank', 'status', 'cn-beijing-1'],
    ['insurer', 'status', 'jp-tokyo-1'],
    ['trust', 'status', 'us-east-1'],
    ['chinaTelecom', 'capacity', 'cn-beijing-1'],
    ['softbank', 'capacity', 'jp-osaka-1'],
    ['bank', 'capacity', 'cn-shanghai-1'],
    ['trust', 'capacity', 'uk-london-1'],
  ])('%s may see but not change the %s of %s: 403, changing nothing', async (principal, what, code) => {
    const body = what === 'status' ? { status: 'offline', reason: 'Not yours to say' } : { vcpu: 1 };
    const res = await refused(principal, 'patch', `/v1/data-centres/${code}/${what}`, 403, body);
    expect(res.body.detail).toMatch(/^The role '(tenant|partner-operator)' may not /);
  });

  it.each(['chinaTelecom', 'bank'] as const)('%s may not register a data centre (403), even in its own country', async (principal) => {
    await refused(principal, 'post', '/v1/data-centres', 403, {
      code: 'cn-guangzhou-1',
      name: 'Guangzhou 1',
      country: 'CN',
      operator: 'china-telecom',
      ownership: 'partner-operated',
      services: ['iaas'],
      capacity: { vcpu: 10, memoryGib: 10, storageGib: 10, publicIps: 1 },
    });
  });

  it.each<[Principal, string]>([
    ['chinaTelecom', 'cn-beijing-1'],
    ['softbank', 'jp-tokyo-1'],
  ])('%s changes the status of its own %s: 200, and the change is stored', async (principal, code) => {
    const res = await as(principal)('patch', `/v1/data-centres/${code}/status`, { status: 'maintenance', reason: 'Cooling work' }).expect(200);
    expect(res.body).toMatchObject({ code, status: 'maintenance', statusReason: 'Cooling work' });
    const { rows } = await t.db.query('SELECT status, status_reason FROM data_centres WHERE code = $1', [code]);
    expect(rows).toEqual([{ status: 'maintenance', status_reason: 'Cooling work' }]);
    await as(principal)('patch', `/v1/data-centres/${code}/status`, { status: 'active' }).expect(200);
  });

  it('a partner operator’s bad request is a 400 on its own data centre, but still a 404 on another’s', async () => {
    const bad = { status: 'on-fire' };
    const own = await refused('chinaTelecom', 'patch', '/v1/data-centres/cn-beijing-1/status', 400, bad);
    expect(own.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'status' })]));
    await expectHidden(t, (id) => as('chinaTelecom')('patch', `/v1/data-centres/${id}/status`, bad), 'jp-tokyo-1', 'cn-nowhere-9');
  });
});

describe('partners', () => {
  it.each<[Principal, string]>([
    ['chinaTelecom', 'softbank'],
    ['chinaTelecom', 'provider'],
    ['softbank', 'china-telecom'],
    ['bank', 'softbank'],
    ['bank', 'provider'],
    ['insurer', 'provider'],
  ])("%s: reading another scope's partner %s is a 404 like a missing one", async (principal, code) => {
    await expectHidden(t, (id) => as(principal)('get', `/v1/partners/${id}`), code, 'no-such-partner');
  });

  it.each(PRINCIPALS)('%s reads every partner of its scope', async (principal) => {
    for (const code of SEES_PARTNERS[principal]) {
      expect((await as(principal)('get', `/v1/partners/${code}`).expect(200)).body.code).toBe(code);
    }
  });

  it.each(['chinaTelecom', 'bank'] as const)('%s may not register a partner (403)', async (principal) => {
    await refused(principal, 'post', '/v1/partners', 403, { code: 'kddi', name: 'KDDI', kind: 'local-partner', country: 'JP' });
  });
});

describe('tenants', () => {
  const HIDDEN: [Principal, TenantName][] = [
    ['chinaTelecom', 'bank'],
    ['softbank', 'insurer'],
    ['bank', 'securities'], // same country and residency: still another tenant
    ['bank', 'insurer'],
    ['insurer', 'bank'],
    ['trust', 'bank'],
  ];
  const ROUTES: [string, Method, (id: string) => string, object | undefined][] = [
    ['read', 'get', (id) => `/v1/tenants/${id}`, undefined],
    ['suspend', 'post', (id) => `/v1/tenants/${id}/suspend`, { reason: 'Unpaid invoices' }],
    ['resume', 'post', (id) => `/v1/tenants/${id}/resume`, undefined],
    ['quota change', 'patch', (id) => `/v1/tenants/${id}/quotas`, { vms: 1 }],
  ];

  it.each(HIDDEN.flatMap(([principal, tenant]) => ROUTES.map(([name, method, url, body]) => ({ principal, tenant, name, method, url, body }))))(
    '$principal: $name of tenant $tenant is a 404 like a missing one, changing nothing',
    async ({ principal, tenant, method, url, body }) => {
      await expectHidden(t, (id) => as(principal)(method, url(id), body), world.tenantIds[tenant], randomUUID());
    },
  );

  it.each(TENANT_PRINCIPALS)('%s reads itself: 200', async (principal) => {
    const res = await as(principal)('get', `/v1/tenants/${world.tenantIds[principal]}`).expect(200);
    expect(res.body).toMatchObject({ id: world.tenantIds[principal], homeCountry: homeOf(principal).country });
  });

  it('a tenant reads itself by its id in capitals too (a uuid is a uuid)', async () => {
    const res = await as('bank')('get', `/v1/tenants/${world.tenantIds.bank.toUpperCase()}`).expect(200);
    expect(res.body.id).toBe(world.tenantIds.bank);
  });

  it.each(ROUTES.filter(([name]) => name !== 'read'))('a tenant may see but not %s itself: 403, changing nothing', async (_name, method, url, body) => {
    const res = await refused('bank', method, url(world.tenantIds.bank), 403, body);
    expect(res.body.detail).toMatch(/^The role 'tenant' may not /);
  });

  it.each(['chinaTelecom', 'bank'] as const)('%s may not register a tenant (403)', async (principal) => {
    await refused(principal, 'post', '/v1/tenants', 403, {
      name: 'Sneaky Corp',
      homeCountry: 'CN',
      segment: 'enterprise-medium',
      sector: 'other',
      quotas: { vcpu: 1, memoryGib: 1, storageGib: 1, vms: 1 },
    });
  });

  it('a malformed tenant id is a 404 for a scoped caller too, never a 500', async () => {
    await refused('bank', 'get', '/v1/tenants/not-a-uuid', 404);
    await refused('chinaTelecom', 'post', '/v1/tenants/not-a-uuid/resume', 404);
  });
});

describe('reference data: every role reads, only the platform writes', () => {
  const READS = (imageId: string) => [
    '/v1/regions',
    '/v1/regions/east-asia',
    '/v1/jurisdictions',
    '/v1/jurisdictions/CN',
    '/v1/catalogue/images',
    `/v1/catalogue/images/${imageId}`,
    '/v1/catalogue/sizes',
    '/v1/catalogue/sizes/m1.small',
  ];
  const WRITES: [Method, string, object][] = [
    ['post', '/v1/regions', { code: 'oceania', name: 'Oceania' }],
    [
      'post',
      '/v1/jurisdictions',
      {
        country: 'AU',
        name: 'Australia',
        regionCode: 'east-asia',
        providerMayOwnDataCentres: true,
        ownershipRationale: 'No restriction.',
        defaultResidency: 'none',
      },
    ],
    ['patch', '/v1/jurisdictions/CN', { defaultResidency: 'none' }],
    ['post', '/v1/catalogue/images', { name: 'Windows Server 2022', osFamily: 'windows', vendor: 'Microsoft', version: '2022' }],
    ['post', '/v1/catalogue/sizes', { code: 'm1.huge', name: 'Huge', vcpu: 64, memoryGib: 512 }],
  ];

  it.each(['chinaTelecom', 'bank', 'trust'] as const)('%s reads every list and object, and the lists are whole', async (principal) => {
    for (const url of READS(world.imageId)) await as(principal)('get', url).expect(200);
    const get = (url: string) => as(principal)('get', url);
    expect(await walkList(get, '/v1/regions')).toHaveLength(3);
    expect(await walkList(get, '/v1/jurisdictions')).toHaveLength(4);
  });

  it.each((['chinaTelecom', 'bank'] as const).flatMap((principal) => WRITES.map(([method, url, body]) => ({ principal, method, url, body }))))(
    '$principal: $method $url is a 403, changing nothing',
    async ({ principal, method, url, body }) => {
      await refused(principal, method, url, 403, body);
    },
  );

  it.each<[string, string]>([
    ['get', '/v1/regions/nowhere'],
    ['get', '/v1/jurisdictions/ZZ'],
    ['get', '/v1/jurisdictions/cn'],
    ['patch', '/v1/jurisdictions/ZZ'],
    ['get', '/v1/catalogue/images/00000000-0000-4000-8000-000000000000'],
    ['get', '/v1/catalogue/images/not-a-uuid'],
    ['get', '/v1/catalogue/sizes/m9.none'],
  ])('an unknown object is a 404 for a role that may not write it either: %s %s', async (method, url) => {
    const res = await refused('bank', method as Method, url, 404, method === 'patch' ? { name: 'Nowhere' } : undefined);
    expectProblem(res, 404);
  });
});
