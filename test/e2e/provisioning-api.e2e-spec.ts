import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { IAAS_STEPS } from '#libs/provisioning/src/domain/iaas-steps.js';
import { arrangeWorld, caller, type Principal, type World } from '../support/isolation-world.js';
import { expectProblem, expectRefused } from '../support/problem-assertions.js';
import { snapshotDatabase, startTestApp, type TestApp } from '../support/test-app.js';
import { rows, type Spec, submission } from './provisioning-api.support.js';

/**
 * Submitting provisioning requests over the API: placement, held capacity, steps, events and the
 * outbox row in one transaction; every refusal a problem+json that changes nothing; a rejection
 * kept with its reasons; idempotency keys. The executor's part is the worker suites'.
 */

let t: TestApp;
let world: World;
const as = (principal: Principal) => caller(t, world, principal);
const submit = (body: Record<string, unknown>, principal: Principal = 'platform', key?: string) => {
  const req = as(principal)('post', '/v1/provisioning-requests', body);
  return key === undefined ? req : req.set('Idempotency-Key', key);
};
const used = async (code: string) =>
  (await rows<Record<string, number>>(t, `SELECT used_vcpu, used_memory_gib, used_storage_gib, used_public_ips FROM data_centres WHERE code = $1`, [code]))[0];
const count = async (table: string) => Number((await rows<{ n: string }>(t, `SELECT count(*) AS n FROM ${table}`))[0].n);

beforeAll(async () => {
  t = await startTestApp();
  world = await arrangeWorld(t);
  await t.http.post('/v1/catalogue/sizes').send({ code: 'm1.large', name: 'Large', vcpu: 8, memoryGib: 32 }).expect(201);
}, 30_000);
afterAll(() => t.close());

describe('submitting', () => {
  it('answers 202 with Location and the request: placed, capacity held, steps laid out, executor scheduled', async () => {
    const before = { 'cn-beijing-1': await used('cn-beijing-1'), 'cn-shanghai-1': await used('cn-shanghai-1') };
    const res = await submit(submission(world, 'bank', { vms: [{ size: 'm1.large', image: world.imageId, count: 3 }], storageGib: 500 })).expect(202);
    const request = res.body as Record<string, unknown> & { id: string; steps: Record<string, unknown>[] };
    // Both Chinese sites are as utilised: the request's id draws which; the other says so.
    const chosen = request.dataCentre as 'cn-beijing-1' | 'cn-shanghai-1';
    const other = chosen === 'cn-beijing-1' ? 'cn-shanghai-1' : 'cn-beijing-1';
    expect(['cn-beijing-1', 'cn-shanghai-1']).toContain(chosen);
    expect(res.headers.location).toBe(`/v1/provisioning-requests/${request.id}`);
    const demand = { vcpu: 24, memoryGib: 96, storageGib: 500 + 3 * 40, publicIps: 1, vms: 3 };
    expect(request).toMatchObject({
      tenant: world.tenantIds.bank,
      service: 'iaas',
      status: 'PROVISIONING',
      version: 1,
      demand,
      cancelRequested: false,
      failure: null,
      deployment: null,
      progress: { done: 2, total: 8 },
      reservation: { dataCentre: chosen, status: 'held', ...demand },
      spec: { networkCidr: '10.20.0.0/16', hybridLink: null, preference: { dataCentre: null, country: null } },
    });
    expect(request.placement).toMatchObject({
      dataCentre: chosen,
      reason: expect.stringContaining('least utilised'),
      candidates: [
        { dataCentre: 'cn-beijing-1', outcome: chosen === 'cn-beijing-1' ? 'chosen' : 'lost' },
        { dataCentre: 'cn-shanghai-1', outcome: chosen === 'cn-shanghai-1' ? 'chosen' : 'lost' },
        { dataCentre: 'jp-osaka-1', outcome: 'lost', reason: expect.stringContaining("Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-osaka-1 is in JP") },
        { dataCentre: 'jp-tokyo-1', outcome: 'lost' },
        { dataCentre: 'uk-london-1', outcome: 'lost' },
        { dataCentre: 'us-east-1', outcome: 'lost' },
      ],
    });
    // The first step is begun by the submission itself: the first job already calls the partner.
    const begun = ['reserve-capacity', 'ensure-tenant-org'];
    expect(request.steps.map((s) => [s.name, s.status, s.attempts])).toEqual(
      IAAS_STEPS.map((name) => [
        name,
        name === 'reserve-capacity' ? 'succeeded' : name === 'ensure-tenant-org' ? 'running' : name === 'create-hybrid-link' ? 'skipped' : 'pending',
        begun.includes(name) ? 1 : 0,
      ]),
    );
    expect(request.steps[0]).toMatchObject({ startedAt: expect.any(String), finishedAt: expect.any(String), items: [] });
    expect(request.steps[1]).toMatchObject({ startedAt: expect.any(String), finishedAt: null });
    expect(request.steps[1].items).toMatchObject([{ key: 'org', status: 'pending' }]);
    expect(await rows(t, `SELECT items FROM provisioning_steps WHERE request_id = $1 AND name = 'ensure-tenant-org'`, [request.id])).toMatchObject([
      { items: [{ key: 'org', idempotencyKey: `tenant-org:china-telecom:${world.tenantIds.bank}` }] },
    ]);

    const lost = (request.placement as { candidates: { dataCentre: string; reason: string }[] }).candidates.find((c) => c.dataCentre === other)!;
    expect(lost.reason).toContain(`the tie went to ${chosen} by a draw on the request's id`);
    expect(await used(chosen)).toEqual({
      used_vcpu: before[chosen].used_vcpu + 24,
      used_memory_gib: before[chosen].used_memory_gib + 96,
      used_storage_gib: before[chosen].used_storage_gib + 620,
      used_public_ips: before[chosen].used_public_ips + 1,
    });
    expect(await used(other)).toEqual(before[other]);
    const events = await rows<{ type: string }>(t, `SELECT type FROM request_events WHERE request_id = $1 ORDER BY id`, [request.id]);
    expect(events.map((e) => e.type)).toEqual(['submitted', 'policy-decided', 'placed', 'capacity-reserved', 'step-started']);
    expect(request.decision).toMatchObject({ allowed: true, approval: { required: false } });
    expect(await rows(t, `SELECT id, job_name, payload FROM outbox WHERE payload->>'requestId' = $1`, [request.id])).toEqual([
      { id: `${request.id}.1`, job_name: 'advance-request', payload: { requestId: request.id, version: 1 } },
    ]);
    expect((await t.http.get(`/v1/provisioning-requests/${request.id}`).expect(200)).body).toEqual(request);
  });

  it('honours a preferred data centre that is compliant and has room, and links a hybrid site', async () => {
    const hybridLink = { onPremisesCidr: '192.168.0.0/16', vpnGatewayAddress: '203.0.113.10' };
    const res = await submit(submission(world, 'bank', { hybridLink, preference: { dataCentre: 'cn-shanghai-1' } }), 'bank').expect(202);
    expect(res.body).toMatchObject({ dataCentre: 'cn-shanghai-1', demand: { publicIps: 2 }, progress: { done: 1, total: 8 } });
    expect(res.body.placement.reason).toMatch(/^cn-shanghai-1: the preferred data centre, compliant with the policy and with room/);
    expect(res.body.steps.find((s: { name: string }) => s.name === 'create-hybrid-link').status).toBe('pending');
  });

  it('places elsewhere, and says why, when the preference is abroad', async () => {
    const res = await submit(submission(world, 'bank', { preference: { dataCentre: 'jp-tokyo-1' } })).expect(202);
    expect(res.body.dataCentre).toMatch(/^cn-/);
    expect(res.body.placement.reason).toContain("the preferred data centre 'jp-tokyo-1' may not take it");
    expect(res.body.placement.reason).toContain("Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP");
  });

  it('rejects, in the words of the rule, a request that requires a data centre abroad, and holds nothing', async () => {
    const res = await submit(submission(world, 'bank', { preference: { dataCentre: 'jp-tokyo-1', required: true } })).expect(422);
    expect(res.body.type).toMatch(/required-placement-unavailable$/);
    expect(res.body.detail).toContain('The request requires jp-tokyo-1, which may not take it: jurisdiction CN requires in-country residency');
    expect(res.body.detail).toContain("Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP.");
    const stored = await t.http.get(`/v1/provisioning-requests/${res.body.requestId}`).expect(200);
    expect(stored.body).toMatchObject({ status: 'REJECTED', dataCentre: null, reservation: null, spec: { preference: { dataCentre: 'jp-tokyo-1', required: true } } });
  });
});

describe('refusals change nothing', () => {
  const refused = (body: Record<string, unknown>, status: number, principal: Principal = 'platform'): Promise<Response> =>
    expectRefused(t.db, () => submit(body, principal), status);
  const withSpec = (spec: Spec) => submission(world, 'bank', spec);
  const fields = (res: Response) => (res.body.errors as { field: string }[]).map((e) => e.field);

  it('overlapping networks: 422 naming networkCidr', async () => {
    const res = await refused(withSpec({ networkCidr: '10.20.0.0/16', hybridLink: { onPremisesCidr: '10.0.0.0/8', vpnGatewayAddress: '203.0.113.10' } }), 422);
    expect(res.body.type).toMatch(/network-conflict$/);
    expect(fields(res)).toEqual(['spec.networkCidr']);
  });

  it('a requirement that names nothing: 400 naming spec.preference.required', async () => {
    const res = await refused(withSpec({ preference: { required: true } }), 400);
    expect(fields(res)).toEqual(['spec.preference.required']);
  });

  it('a VPN gateway inside the cloud network: 422 naming it', async () => {
    const res = await refused(withSpec({ hybridLink: { onPremisesCidr: '192.168.0.0/16', vpnGatewayAddress: '10.20.1.1' } }), 422);
    expect(fields(res)).toEqual(['spec.hybridLink.vpnGatewayAddress']);
  });

  it('an unknown image or size: 422 naming the group', async () => {
    const res = await refused(
      withSpec({ vms: [{ size: 'm1.small', image: world.imageId, count: 1 }, { size: 'x9.none', image: randomUUID(), count: 1 }] }),
      422,
    );
    expect(res.body.type).toMatch(/unknown-catalogue-item$/);
    expect(fields(res)).toEqual(['spec.vms.1.size', 'spec.vms.1.image']);
  });

  it('a suspended tenant: 422, the request kept as REJECTED with the decision naming the tenant-status rule, nothing held', async () => {
    await t.http.post(`/v1/tenants/${world.tenantIds.securities}/suspend`).send({ reason: 'Unpaid invoices' }).expect(200);
    const before = { used: await used('cn-shanghai-1'), reservations: await count('capacity_reservations'), outbox: await count('outbox') };
    const res = await submit(submission(world, 'securities'));
    expectProblem(res, 422);
    expect(res.body.type).toMatch(/policy-refused$/);
    expect(res.body.detail).toContain("Tenant 'Shanghai Securities' is suspended");
    const failing = (res.body.decision.request as { kind: string; passed: boolean }[]).filter((r) => !r.passed).map((r) => r.kind);
    expect(failing).toEqual(['tenant-status']);
    const request = (await t.http.get(`/v1/provisioning-requests/${res.body.requestId}`).expect(200)).body;
    expect(request).toMatchObject({ status: 'REJECTED', reservation: null, failure: { reason: 'policy-refused' }, decision: { allowed: false } });
    expect({ used: await used('cn-shanghai-1'), reservations: await count('capacity_reservations'), outbox: await count('outbox') }).toEqual(before);
    await t.http.post(`/v1/tenants/${world.tenantIds.securities}/resume`).send().expect(200);
  });

  it('an unknown tenant is a 404; so is another tenant for a tenant key; a partner may not submit', async () => {
    await refused({ ...submission(world), tenant: randomUUID() }, 404);
    await refused(submission(world, 'bank'), 404, 'insurer');
    await refused(submission(world, 'bank'), 403, 'chinaTelecom');
  });

  it.each([
    ['a count of 0', { vms: [{ size: 'm1.small', image: '00000000-0000-4000-8000-000000000000', count: 0 }] }, 'spec.vms.0.count'],
    ['a count of 51', { vms: [{ size: 'm1.small', image: '00000000-0000-4000-8000-000000000000', count: 51 }] }, 'spec.vms.0.count'],
    ['no VM groups', { vms: [] }, 'spec.vms'],
    ['21 VM groups', { vms: Array(21).fill({ size: 'm1.small', image: '00000000-0000-4000-8000-000000000000', count: 1 }) }, 'spec.vms'],
    ['negative storage', { storageGib: -1 }, 'spec.storageGib'],
    ['too much storage', { storageGib: 100_001 }, 'spec.storageGib'],
    ['a /30 network', { networkCidr: '10.20.0.0/30' }, 'spec.networkCidr'],
    ['a /15 network', { networkCidr: '10.20.0.0/15' }, 'spec.networkCidr'],
    ['host bits in the network', { networkCidr: '10.20.0.1/16' }, 'spec.networkCidr'],
    ['a network that is no CIDR', { networkCidr: '10.20.0.0' }, 'spec.networkCidr'],
    ['an on-premises network that is no CIDR', { hybridLink: { onPremisesCidr: '192.168.0.0/33', vpnGatewayAddress: '203.0.113.10' } }, 'spec.hybridLink.onPremisesCidr'],
    ['a VPN gateway that is no address', { hybridLink: { onPremisesCidr: '192.168.0.0/16', vpnGatewayAddress: '203.0.113.256' } }, 'spec.hybridLink.vpnGatewayAddress'],
  ])('%s: 400 naming the field', async (_name, spec, field) => {
    const res = await refused(withSpec(spec), 400);
    expect(fields(res)).toContain(field);
  });
});

/** The bank must stay in China, where cn-beijing-1 and cn-shanghai-1 are the only sites: squeeze both. */
const CHINA = ['cn-beijing-1', 'cn-shanghai-1'];
async function squeezeChina(vcpu: number | null): Promise<void> {
  for (const code of CHINA) {
    const [site] = await rows<{ used_vcpu: number }>(t, `SELECT used_vcpu FROM data_centres WHERE code = $1`, [code]);
    await t.http.patch(`/v1/data-centres/${code}/capacity`).send({ vcpu: vcpu === null ? 1000 : site.used_vcpu + vcpu }).expect(200);
  }
}

describe('when nothing fits', () => {
  it('keeps the request as REJECTED with the reason and the numbers, holds nothing, schedules nothing: 422', async () => {
    await squeezeChina(1);
    const before = { used: await used('cn-beijing-1'), reservations: await count('capacity_reservations'), outbox: await count('outbox') };
    const res = await submit(submission(world, 'bank'));
    expectProblem(res, 422);
    expect(res.body).toMatchObject({ type: expect.stringMatching(/no-compliant-capacity$/), requestId: expect.any(String), demand: { vcpu: 2 } });
    expect(res.body.detail).toContain('No compliant capacity');
    expect(res.body.detail).toContain('cn-beijing-1: needs 2 vCPU, 1 free');
    const id = res.body.requestId as string;
    expect(res.body.request).toBe(`/v1/provisioning-requests/${id}`);

    const request = (await t.http.get(`/v1/provisioning-requests/${id}`).expect(200)).body;
    expect(request).toMatchObject({
      status: 'REJECTED',
      dataCentre: null,
      reservation: null,
      steps: [],
      finishedAt: expect.any(String),
      failure: { reason: 'no-compliant-capacity', detail: expect.stringContaining('needs 2 vCPU, 1 free'), demand: { vcpu: 2 } },
      placement: { dataCentre: null },
    });
    const lost = request.placement.candidates as { dataCentre: string; outcome: string; reason: string }[];
    expect(lost.filter((c) => CHINA.includes(c.dataCentre)).map((c) => c.reason)).toEqual([
      expect.stringMatching(/^Complies with the policy but has too little free capacity/),
      expect.stringMatching(/^Complies with the policy but has too little free capacity/),
    ]);
    expect(lost.filter((c) => !CHINA.includes(c.dataCentre)).every((c) => c.reason.includes('requires in-country residency in CN'))).toBe(true);
    expect(await used('cn-beijing-1')).toEqual(before.used);
    expect(await count('capacity_reservations')).toBe(before.reservations);
    expect(await count('outbox')).toBe(before.outbox);
    expect((await rows<{ type: string }>(t, `SELECT type FROM request_events WHERE request_id = $1 ORDER BY id`, [id])).map((e) => e.type)).toEqual([
      'submitted',
      'policy-decided',
      'rejected',
    ]);
    await squeezeChina(null);
  });

  it('refuses by policy, naming the rule for every site, when no compliant site is open', async () => {
    for (const code of CHINA) await t.http.patch(`/v1/data-centres/${code}/status`).send({ status: 'maintenance', reason: 'Power work' }).expect(200);
    const res = await submit(submission(world, 'bank'));
    expectProblem(res, 422);
    expect(res.body.type).toMatch(/policy-refused$/);
    const candidates = res.body.decision.candidates as { dataCentre: string; compliant: boolean; results: { kind: string; passed: boolean }[] }[];
    expect(candidates.every((c) => !c.compliant && c.results.some((r) => !r.passed))).toBe(true);
    expect(candidates.filter((c) => CHINA.includes(c.dataCentre)).map((c) => c.results.filter((r) => !r.passed).map((r) => r.kind))).toEqual([
      ['data-centre-status'],
      ['data-centre-status'],
    ]);
    for (const code of CHINA) await t.http.patch(`/v1/data-centres/${code}/status`).send({ status: 'active' }).expect(200);
  });
});

describe('Idempotency-Key', () => {
  const requestCount = () => count('provisioning_requests');

  it('replays the first response for the same key and body: same status, body and Location, no second request', async () => {
    const key = `replay-${randomUUID()}`;
    const body = submission(world, 'insurer');
    const first = await submit(body, 'insurer', key).expect(202);
    const before = await requestCount();
    const again = await submit(body, 'insurer', key).expect(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await requestCount()).toBe(before);
  });

  it('refuses the same key with another body: 422, nothing changed', async () => {
    const key = `mismatch-${randomUUID()}`;
    await submit(submission(world, 'insurer'), 'insurer', key).expect(202);
    const res = await expectRefused(t.db, () => submit(submission(world, 'insurer', { storageGib: 101 }), 'insurer', key), 422);
    expect(res.body.type).toMatch(/idempotency-key-reused$/);
  });

  it('keeps keys per API key: the same key from another caller is another request', async () => {
    const key = `shared-${randomUUID()}`;
    const mine = await submit(submission(world, 'insurer'), 'insurer', key).expect(202);
    const theirs = await submit(submission(world, 'insurer'), 'platform', key).expect(202);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('replays a rejection too, with the same request id', async () => {
    await squeezeChina(1);
    const key = `rejected-${randomUUID()}`;
    const first = await submit(submission(world, 'bank'), 'bank', key);
    expectProblem(first, 422);
    const before = await snapshotDatabase(t.db);
    const again = await submit(submission(world, 'bank'), 'bank', key);
    expectProblem(again, 422);
    expect(again.body.requestId).toBe(first.body.requestId);
    expect(await snapshotDatabase(t.db)).toEqual(before);
    await squeezeChina(null);
  });

  it('does not replay an expired key: the retry is a new request', async () => {
    const key = `expired-${randomUUID()}`;
    const first = await submit(submission(world, 'insurer'), 'insurer', key).expect(202);
    await t.db.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const again = await submit(submission(world, 'insurer'), 'insurer', key).expect(202);
    expect(again.body.id).not.toBe(first.body.id);
    const [kept] = await rows<{ hours: number }>(t, `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM idempotency_keys WHERE key = $1`, [key]);
    expect(Number(kept.hours)).toBeGreaterThanOrEqual(24);
  });

  it('creates exactly one request for 20 concurrent identical submissions with one key', async () => {
    const key = `concurrent-${randomUUID()}`;
    const before = await requestCount();
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit(submission(world, 'insurer'), 'insurer', key)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    expect(await requestCount()).toBe(before + 1);
  }, 30_000);

  it.each([
    ['empty', ''],
    ['longer than 200 characters', 'k'.repeat(201)],
    ['not ASCII', 'clé'],
  ])('refuses a key that is %s: 400', async (_name, key) => {
    const res = await expectRefused(t.db, () => submit(submission(world, 'insurer'), 'insurer', key), 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});
