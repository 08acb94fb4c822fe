import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { OpenApiDocument } from '../support/bad-input-cases.js';
import { createTestKey } from '../support/api-keys.js';
import { expectProblem } from '../support/problem-assertions.js';
import { snapshotDatabase, startTestApp, type TestApp } from '../support/test-app.js';
import { VALID_REQUESTS } from '../support/valid-requests.js';

/**
 * Who may call what, for every route the API serves: generated from the OpenAPI document and
 * this table, and failing when a route has no entry, so no later endpoint can skip it.
 *
 * The principals: the platform operator; the operator of China Telecom, which runs the data
 * centre the object routes name (own) and SoftBank's, which does not (other); the Beijing bank,
 * whose tenant object routes name (own), and a UK health trust (other). `ok` means authorized:
 * anything but 401, 403 or 404 (a 409 for a repeated action still passed the access check).
 */
type Outcome = 'ok' | 403 | 404;
const PRINCIPALS = ['platform', 'partnerOwn', 'partnerOther', 'tenantOwn', 'tenantOther'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expectation = 'public' | Record<Principal, Outcome>;

const all = (outcome: Outcome): Record<Principal, Outcome> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, outcome])) as Record<Principal, Outcome>;
const platformOnly = (othersGet: Outcome): Record<Principal, Outcome> => ({ ...all(othersGet), platform: 'ok' });
const rule = (platform: Outcome, partnerOwn: Outcome, partnerOther: Outcome, tenantOwn: Outcome, tenantOther: Outcome) => ({
  platform,
  partnerOwn,
  partnerOther,
  tenantOwn,
  tenantOther,
});

const EXPECTED: Record<string, Expectation> = {
  'GET /health': 'public',
  'GET /health/ready': 'public',
  // Reference data: everyone reads, the platform writes.
  'GET /v1/regions': all('ok'),
  'POST /v1/regions': platformOnly(403),
  'GET /v1/regions/{code}': all('ok'),
  'GET /v1/jurisdictions': all('ok'),
  'POST /v1/jurisdictions': platformOnly(403),
  'GET /v1/jurisdictions/{country}': all('ok'),
  'PATCH /v1/jurisdictions/{country}': platformOnly(403),
  'GET /v1/catalogue/images': all('ok'),
  'POST /v1/catalogue/images': platformOnly(403),
  'GET /v1/catalogue/images/{id}': all('ok'),
  'GET /v1/catalogue/sizes': all('ok'),
  'POST /v1/catalogue/sizes': platformOnly(403),
  'GET /v1/catalogue/sizes/{code}': all('ok'),
  // Partners: a partner sees itself; a tenant, the operators of the data centres it may use.
  'GET /v1/partners': all('ok'),
  'POST /v1/partners': platformOnly(403),
  'GET /v1/partners/{code}': rule('ok', 'ok', 404, 'ok', 404),
  // Data centres: a partner sees those it operates; a tenant, those its residency allows.
  'GET /v1/data-centres': all('ok'),
  'POST /v1/data-centres': platformOnly(403),
  'GET /v1/data-centres/{code}': rule('ok', 'ok', 404, 'ok', 404),
  'PATCH /v1/data-centres/{code}/status': rule('ok', 'ok', 404, 403, 404),
  'PATCH /v1/data-centres/{code}/capacity': rule('ok', 403, 404, 403, 404),
  // Tenants: a tenant sees itself; partners see none.
  'GET /v1/tenants': rule('ok', 403, 403, 'ok', 'ok'),
  'POST /v1/tenants': platformOnly(403),
  'GET /v1/tenants/{id}': rule('ok', 404, 404, 'ok', 404),
  'POST /v1/tenants/{id}/suspend': rule('ok', 404, 404, 403, 404),
  'POST /v1/tenants/{id}/resume': rule('ok', 404, 404, 403, 404),
  'PATCH /v1/tenants/{id}/quotas': rule('ok', 404, 404, 403, 404),
  // Keys and the audit trail are the platform's.
  'GET /v1/api-keys': platformOnly(403),
  'POST /v1/api-keys': platformOnly(403),
  'GET /v1/api-keys/{id}': platformOnly(404),
  'POST /v1/api-keys/{id}/revoke': platformOnly(404),
  'GET /v1/audit-events': platformOnly(403),
  // Provisioning: the platform for any tenant, a tenant for itself (another tenant's is a 404, on
  // submit too); a partner reads what is placed in the data centres it operates, and acts on none.
  'GET /v1/provisioning-requests': all('ok'),
  'POST /v1/provisioning-requests': rule('ok', 403, 403, 'ok', 404),
  'GET /v1/provisioning-requests/{id}': rule('ok', 'ok', 404, 'ok', 404),
  'GET /v1/provisioning-requests/{id}/events': rule('ok', 'ok', 404, 'ok', 404),
  'POST /v1/provisioning-requests/{id}/cancel': rule('ok', 403, 404, 'ok', 404),
  // Approvals: the platform, or the partner running the chosen data centre; never the tenant.
  'POST /v1/provisioning-requests/{id}/approve': rule('ok', 'ok', 404, 403, 404),
  'POST /v1/provisioning-requests/{id}/reject': rule('ok', 'ok', 404, 403, 404),
  'GET /v1/deployments': all('ok'),
  'GET /v1/deployments/{id}': rule('ok', 'ok', 404, 'ok', 404),
  'POST /v1/deployments/{id}/decommission': rule('ok', 403, 404, 'ok', 404),
  // Policy: everyone reads the rules that decide their requests; the platform writes them.
  'GET /v1/policy-rules': all('ok'),
  'POST /v1/policy-rules': platformOnly(403),
  'GET /v1/policy-rules/{id}': all('ok'),
  'GET /v1/policy-rules/{id}/versions': all('ok'),
  'PATCH /v1/policy-rules/{id}': platformOnly(403),
};

const t: TestApp = await startTestApp();
const document = (await t.http.get('/openapi.json').expect(200)).body as OpenApiDocument;
const keys = {} as Record<Principal, string>;
const objects: Record<string, string> = {};
/** Bodies that must name this world's objects (ids it generates), in place of VALID_REQUESTS' examples. */
const worldBodies: Record<string, Record<string, unknown>> = {};

function routes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** The object each path names: always one the 'own' principals own. */
function urlOf(route: string): string {
  const path = route.split(' ')[1];
  return path.replace(/\{(\w+)\}/g, (_, param: string) => {
    const collection = path.split('/').slice(0, path.split('/').indexOf(`{${param}}`)).join('/');
    const id = objects[collection];
    if (!id) throw new Error(`No object arranged for ${collection}/{${param}}`);
    return id;
  });
}

beforeAll(async () => {
  const post = async (url: string, body: Record<string, unknown>) =>
    (await t.http.post(url).send(body).expect(201)).body as Record<string, string>;
  await post('/v1/regions', { code: 'east-asia', name: 'East Asia' });
  await post('/v1/regions', { code: 'europe', name: 'Europe' });
  const jurisdiction = (country: string, name: string, regionCode: string, mayOwn: boolean) =>
    post('/v1/jurisdictions', {
      country,
      name,
      regionCode,
      providerMayOwnDataCentres: mayOwn,
      ownershipRationale: mayOwn ? 'No restriction.' : 'Foreign companies may not own data centres here.',
      defaultResidency: 'in-country',
    });
  await jurisdiction('CN', 'China', 'east-asia', false);
  await jurisdiction('JP', 'Japan', 'east-asia', true);
  await jurisdiction('GB', 'United Kingdom', 'europe', true);
  await post('/v1/partners', { code: 'provider', name: 'Provider', kind: 'provider' });
  await post('/v1/partners', { code: 'china-telecom', name: 'China Telecom', kind: 'local-partner', country: 'CN' });
  await post('/v1/partners', { code: 'softbank', name: 'SoftBank', kind: 'local-partner', country: 'JP' });
  const capacity = { vcpu: 1000, memoryGib: 4000, storageGib: 100000, publicIps: 256 };
  const dataCentre = (code: string, country: string, operator: string, ownership: string) =>
    post('/v1/data-centres', { code, name: code, country, operator, ownership, services: ['iaas'], capacity });
  await dataCentre('cn-beijing-1', 'CN', 'china-telecom', 'partner-operated');
  await dataCentre('jp-tokyo-1', 'JP', 'softbank', 'partner-operated');
  await dataCentre('uk-south-1', 'GB', 'provider', 'owned');
  const quotas = { vcpu: 100, memoryGib: 400, storageGib: 10000, vms: 50 };
  const bank = await post('/v1/tenants', { name: 'Beijing Commercial Bank', homeCountry: 'CN', segment: 'enterprise-large', sector: 'financial', quotas });
  const trust = await post('/v1/tenants', { name: 'Northfield NHS Trust', homeCountry: 'GB', segment: 'government', sector: 'healthcare', quotas });
  const image = await post('/v1/catalogue/images', { name: 'RHEL 7', osFamily: 'linux', vendor: 'Red Hat', version: '7' });
  await post('/v1/catalogue/sizes', { code: 'm1.small', name: 'Small', vcpu: 1, memoryGib: 2 });

  keys.platform = t.platformKey;
  keys.partnerOwn = await createTestKey(t.db, { role: 'partner-operator', partnerCode: 'china-telecom' });
  keys.partnerOther = await createTestKey(t.db, { role: 'partner-operator', partnerCode: 'softbank' });
  keys.tenantOwn = await createTestKey(t.db, { role: 'tenant', tenantId: bank.id });
  keys.tenantOther = await createTestKey(t.db, { role: 'tenant', tenantId: trust.id });
  // A key that is an object of the routes, never a principal: revoking it locks nobody out.
  const objectKey = await post('/v1/api-keys', { name: 'object of the key routes', role: 'tenant', tenant: bank.id });

  // The bank's provisioning requests, placed in cn-beijing-1 (China Telecom's): one provisioning,
  // one made ACTIVE by SQL with its deployment (the executor's part, not this suite's).
  const submit = VALID_REQUESTS['POST /v1/provisioning-requests'].body as { spec: Record<string, unknown> };
  worldBodies['POST /v1/provisioning-requests'] = {
    ...submit,
    tenant: bank.id,
    spec: { ...submit.spec, vms: [{ size: 'm1.small', image: image.id, count: 2 }] },
  };
  const provision = async () =>
    (await t.http.post('/v1/provisioning-requests').send(worldBodies['POST /v1/provisioning-requests']).expect(202)).body as Record<string, string>;
  const request = await provision();
  const delivered = await provision();
  const deploymentId = randomUUID();
  await t.db.query(`UPDATE provisioning_requests SET status = 'ACTIVE', version = version + 1 WHERE id = $1`, [delivered.id]);
  await t.db.query(
    `INSERT INTO deployments (id, request_id, tenant_id, data_centre_code, status, resources) VALUES ($1, $2, $3, 'cn-beijing-1', 'active', '[]')`,
    [deploymentId, delivered.id, bank.id],
  );

  const [seededRule] = (await t.db.query<{ id: string }>(`SELECT id FROM policy_rules ORDER BY name LIMIT 1`)).rows;
  Object.assign(objects, {
    '/v1/policy-rules': seededRule.id,
    '/v1/provisioning-requests': request.id,
    '/v1/deployments': deploymentId,
    '/v1/regions': 'east-asia',
    '/v1/jurisdictions': 'CN',
    '/v1/partners': 'china-telecom',
    '/v1/data-centres': 'cn-beijing-1',
    '/v1/tenants': bank.id,
    '/v1/catalogue/images': image.id,
    '/v1/catalogue/sizes': 'm1.small',
    '/v1/api-keys': objectKey.id,
  });
}, 30_000);

afterAll(() => t.close());

describe('the access table', () => {
  it('has an entry for every route the API serves, and none for a route it does not', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(routes(document).sort());
  });
});

describe.each(Object.keys(EXPECTED))('%s', (route) => {
  const expectation = EXPECTED[route];
  const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'patch';
  const send = (key: string | null) => {
    const body = worldBodies[route] ?? VALID_REQUESTS[route]?.body ?? undefined;
    const req = t.anonymous[method](urlOf(route));
    if (key) req.set('Authorization', `Bearer ${key}`);
    return body ? req.send(body) : req;
  };

  if (expectation === 'public') {
    it('answers without a key', async () => {
      expect((await send(null)).status).toBeLessThan(400);
    });
    return;
  }

  it('is 401 without a key, changing nothing', async () => {
    const before = await snapshotDatabase(t.db);
    expectProblem(await send(null), 401);
    expect(await snapshotDatabase(t.db)).toEqual(before);
  });

  it.each(PRINCIPALS)('%s', async (principal) => {
    const expected = expectation[principal];
    const before = await snapshotDatabase(t.db);
    const res = await send(keys[principal]);
    if (expected === 'ok') {
      expect([401, 403, 404]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expectProblem(res, expected);
      expect(await snapshotDatabase(t.db)).toEqual(before);
    }
  });
});
