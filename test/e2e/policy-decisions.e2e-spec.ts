import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditTrail } from '#libs/access/src/audit/audit-trail.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { demoImageId, demoTenantId } from '#libs/seed/src/demo-world.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';
import { databaseUrl } from '../support/test-database.js';
import { createTestKey } from '../support/api-keys.js';
import { expectProblem, expectRefused } from '../support/problem-assertions.js';
import { snapshotDatabase, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Policy decisions, dry runs and approvals on the demo world (the article's tenants and sites), with
 * the baseline rules the migration installs. The executor is not running: a request that goes to
 * PROVISIONING stays there, which is all these tests need.
 */

const BANK = demoTenantId('Beijing Commercial Bank');
const HEBEI = demoTenantId('Hebei Provincial Education Bureau');
const HANGZHOU = demoTenantId('Hangzhou Precision Manufacturing');
const RHEL = demoImageId('Red Hat Enterprise Linux 7');
const WINDOWS_8 = demoImageId('Windows 8.1 Enterprise');
const LARGE_REQUESTS_RULE = '4eaed023-de6f-4abb-81a8-f0ff191abd3d';

let t: TestApp;
let keysDir: string;
const keys: Record<'hebei' | 'chinaTelecom' | 'softbank', string> = { hebei: '', chinaTelecom: '', softbank: '' };

interface RuleResult {
  ruleId: string;
  ruleVersion: number;
  kind: string;
  passed: boolean;
  reason: string;
}
interface Candidate {
  dataCentre: string;
  compliant: boolean;
  results: RuleResult[];
}

const body = (tenant: string, spec: Record<string, unknown> = {}) => ({
  tenant,
  service: 'iaas',
  spec: { vms: [{ size: 'm1.small', image: RHEL, count: 2 }], storageGib: 100, networkCidr: '10.20.0.0/16', ...spec },
});
const submit = (payload: Record<string, unknown>, query = '') => t.http.post(`/v1/provisioning-requests${query}`).send(payload);
const as = (key: string) => ({
  post: (url: string, payload: Record<string, unknown>) => t.anonymous.post(url).set('Authorization', `Bearer ${key}`).send(payload),
});
const request = async (id: string) => (await t.http.get(`/v1/provisioning-requests/${id}`).expect(200)).body;
const eventTypes = async (id: string) =>
  (await t.db.query<{ type: string }>(`SELECT type FROM request_events WHERE request_id = $1 ORDER BY id`, [id])).rows.map((r) => r.type);
const outboxOf = async (id: string) =>
  (await t.db.query<{ id: string }>(`SELECT id FROM outbox WHERE payload->>'requestId' = $1 ORDER BY id`, [id])).rows.map((r) => r.id);
const usage = async () => ({
  sites: (await t.db.query(`SELECT code, used_vcpu, used_memory_gib, used_storage_gib, used_public_ips FROM data_centres ORDER BY code`)).rows,
  tenants: (await t.db.query(`SELECT id, used_vcpu, used_memory_gib, used_storage_gib, used_vms FROM tenants ORDER BY id`)).rows,
});

beforeAll(async () => {
  t = await startTestApp();
  keysDir = await mkdtemp(join(tmpdir(), 'cp-policy-keys-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: databaseUrl(t.databaseName), DEMO_KEYS_DIR: keysDir });
  await withDemoWorldSeeder(config, (seeder) => seeder.seed());
  keys.hebei = await createTestKey(t.db, { role: 'tenant', tenantId: HEBEI });
  keys.chinaTelecom = await createTestKey(t.db, { role: 'partner-operator', partnerCode: 'china-telecom' });
  keys.softbank = await createTestKey(t.db, { role: 'partner-operator', partnerCode: 'softbank' });
}, 30_000);

afterAll(async () => {
  await t.close();
  await rm(keysDir, { recursive: true, force: true });
});

describe('the decision a request records', () => {
  it('explains, per candidate and rule, why a Chinese bank stays in China although it asked for Tokyo', async () => {
    const res = await submit(body(BANK, { preference: { dataCentre: 'jp-tokyo-1' } })).expect(202);
    expect(res.body.status).toBe('PROVISIONING');
    expect(res.body.dataCentre).toBe('cn-beijing-1');
    const tokyo = (res.body.decision.candidates as Candidate[]).find((c) => c.dataCentre === 'jp-tokyo-1')!;
    expect(tokyo.compliant).toBe(false);
    expect(tokyo.results.filter((r) => !r.passed).map((r) => r.reason)).toContain(
      "Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP.",
    );
    // Every enabled rule is named with the version the decision used.
    const rules = (await t.http.get('/v1/policy-rules?enabled=true').expect(200)).body.items as { id: string; version: number }[];
    expect(res.body.decision.rulesUsed.map((r: { id: string; version: number }) => [r.id, r.version]).sort()).toEqual(
      rules.map((r) => [r.id, r.version]).sort(),
    );
    expect(res.body.placement.reason).toContain("the preferred data centre 'jp-tokyo-1' may not take it");
    // The planned Shanghai site (opens 2027) lost on its status, the US ones on residency and ownership.
    const shanghai = (res.body.decision.candidates as Candidate[]).find((c) => c.dataCentre.startsWith('cn-') && c.dataCentre !== 'cn-beijing-1');
    if (shanghai) expect(shanghai.results.filter((r) => !r.passed).map((r) => r.kind)).toContain('data-centre-status');
  });

  it('refuses Windows 8 to a Chinese government tenant: REJECTED with the decision in the problem and on the request', async () => {
    const before = await usage();
    const res = await submit(body(HEBEI, { vms: [{ size: 'm1.small', image: WINDOWS_8, count: 1 }] }));
    expectProblem(res, 422);
    expect(res.body.type).toMatch(/policy-refused$/);
    const failed = (res.body.decision.request as RuleResult[]).filter((r) => !r.passed);
    expect(failed.map((r) => r.kind)).toEqual(['procurement-exclusion']);
    expect(failed[0].reason).toContain('Windows 8.1 Enterprise');
    expect(res.body.detail).toContain('Windows 8.1 Enterprise');
    for (const candidate of res.body.decision.candidates as Candidate[]) {
      expect(candidate.results.some((r) => !r.passed && r.kind === 'procurement-exclusion')).toBe(true);
    }
    const stored = await request(res.body.requestId);
    expect(stored).toMatchObject({ status: 'REJECTED', reservation: null, failure: { reason: 'policy-refused' } });
    expect(stored.decision).toEqual(res.body.decision);
    expect(await usage()).toEqual(before);
    expect(await outboxOf(res.body.requestId)).toEqual([]);
  });

  it("refuses a request over the tenant's quota, with the numbers", async () => {
    await t.http.patch(`/v1/tenants/${HANGZHOU}/quotas`).send({ vcpu: 2 }).expect(200);
    const res = await submit(body(HANGZHOU, { vms: [{ size: 'm1.small', image: RHEL, count: 3 }] }));
    expectProblem(res, 422);
    const quota = (res.body.decision.request as RuleResult[]).find((r) => r.kind === 'quota')!;
    expect(quota.passed).toBe(false);
    expect(quota.reason).toMatch(/3 vCPU/);
    expect(quota.reason).toMatch(/2/);
    await t.http.patch(`/v1/tenants/${HANGZHOU}/quotas`).send({ vcpu: 128 }).expect(200);
  });
});

describe('dry run', () => {
  it('answers 200 with the decision and placement, and writes nothing, not even an audit row', async () => {
    const auditRows = async () => {
      await t.app.get(AuditTrail).settled();
      return (await t.db.query(`SELECT count(*)::int AS n FROM audit_events`)).rows[0].n;
    };
    const [before, auditBefore] = [await snapshotDatabase(t.db), await auditRows()];
    const res = await submit(body(BANK), '?dryRun=true').expect(200);
    expect(res.body).toMatchObject({ dryRun: true, outcome: 'would-provision', placement: { dataCentre: 'cn-beijing-1' }, decision: { allowed: true } });
    const refused = await submit(body(HEBEI, { vms: [{ size: 'm1.small', image: WINDOWS_8, count: 1 }] }), '?dryRun=true').expect(200);
    expect(refused.body).toMatchObject({ outcome: 'would-be-rejected', rejection: { code: 'policy-refused' }, placement: { dataCentre: null } });
    const approval = await submit(body(HEBEI), '?dryRun=true').expect(200);
    expect(approval.body.outcome).toBe('would-await-approval');
    expect(await snapshotDatabase(t.db)).toEqual(before);
    expect(await auditRows()).toBe(auditBefore);
  });

  it('refuses a dryRun that is not true or false: 400, nothing written', async () => {
    const res = await expectRefused(t.db, () => submit(body(BANK), '?dryRun=yes'), 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'dryRun' })]);
  });
});

describe('approval', () => {
  const awaiting = async (tenant = HEBEI, spec: Record<string, unknown> = {}) => {
    const res = await submit(body(tenant, spec)).expect(202);
    expect(res.body).toMatchObject({ status: 'AWAITING_APPROVAL', dataCentre: 'cn-beijing-1', reservation: { status: 'held' }, approvalDeadline: expect.any(String) });
    return res.body as { id: string; decision: { approval: { required: boolean; reasons: RuleResult[] } } };
  };

  it('holds a government request with its capacity, and schedules nothing until someone decides', async () => {
    const usageBefore = (await t.http.get(`/v1/tenants/${HEBEI}`).expect(200)).body.usage;
    const { id, decision } = await awaiting();
    const usageAfter = (await t.http.get(`/v1/tenants/${HEBEI}`).expect(200)).body.usage;
    expect(usageAfter).toEqual({ vcpu: usageBefore.vcpu + 2, memoryGib: usageBefore.memoryGib + 4, storageGib: usageBefore.storageGib + 180, vms: usageBefore.vms + 2 });
    expect(decision.approval.required).toBe(true);
    expect(decision.approval.reasons.filter((r) => !r.passed).map((r) => r.kind)).toEqual(['approval']);
    expect(await eventTypes(id)).toEqual(['submitted', 'policy-decided', 'placed', 'capacity-reserved', 'approval-required']);
    expect(await outboxOf(id)).toEqual([]);
  });

  it('is refused to the tenant itself (403) and to another partner (404), leaving the request unchanged', async () => {
    const { id } = await awaiting();
    await expectRefused(t.db, () => as(keys.hebei).post(`/v1/provisioning-requests/${id}/approve`, { reason: 'Self-approved' }), 403);
    await expectRefused(t.db, () => as(keys.softbank).post(`/v1/provisioning-requests/${id}/approve`, { reason: 'Not ours' }), 404);
    await expectRefused(t.db, () => as(keys.softbank).post(`/v1/provisioning-requests/${id}/reject`, { reason: 'Not ours' }), 404);
    expect((await request(id)).status).toBe('AWAITING_APPROVAL');
  });

  it("approved by the chosen site's partner: PROVISIONING with the hold kept, the executor scheduled; approving twice is a 409", async () => {
    const { id } = await awaiting();
    const res = await as(keys.chinaTelecom).post(`/v1/provisioning-requests/${id}/approve`, { reason: 'Reviewed with the bureau.' }).expect(200);
    expect(res.body).toMatchObject({
      status: 'PROVISIONING',
      approvalDeadline: null,
      reservation: { status: 'held' },
      approval: { decision: 'approved', by: 'partner-operator:china-telecom', reason: 'Reviewed with the bureau.' },
    });
    expect(await outboxOf(id)).toEqual([`${id}.2`]);
    const again = await expectRefused(t.db, () => as(keys.chinaTelecom).post(`/v1/provisioning-requests/${id}/approve`, { reason: 'Again' }), 409);
    expect(again.body.type).toMatch(/not-awaiting-approval$/);
    expect(again.body.detail).toContain('already approved by partner-operator:china-telecom');
    await expectRefused(t.db, () => t.http.post(`/v1/provisioning-requests/${id}/reject`).send({ reason: 'Too late' }), 409);
  });

  it('rejected by a platform operator: REJECTED, capacity and quota given back; approving it afterwards is a 409', async () => {
    const before = await usage();
    const { id } = await awaiting();
    const res = await t.http.post(`/v1/provisioning-requests/${id}/reject`).send({ reason: 'Budget not approved.' }).expect(200);
    expect(res.body).toMatchObject({
      status: 'REJECTED',
      reservation: { status: 'released' },
      approval: { decision: 'rejected', reason: 'Budget not approved.' },
      failure: { reason: 'approval-rejected' },
      finishedAt: expect.any(String),
    });
    expect(await usage()).toEqual(before);
    expect((await eventTypes(id)).slice(-2)).toEqual(['approval-rejected', 'capacity-released']);
    await expectRefused(t.db, () => as(keys.chinaTelecom).post(`/v1/provisioning-requests/${id}/approve`, { reason: 'Changed my mind' }), 409);
  });

  it('applies to large requests of any tenant, by the rule version in force', async () => {
    const large = await awaiting(BANK, { vms: [{ size: 'm1.small', image: RHEL, count: 20 }] });
    const reason = large.decision.approval.reasons.find((r) => r.ruleId === LARGE_REQUESTS_RULE)!;
    expect(reason).toMatchObject({ passed: false, ruleVersion: 1 });

    // An operator lowers the threshold: version 2 decides later requests; the earlier one keeps version 1.
    const changed = await t.http
      .patch(`/v1/policy-rules/${LARGE_REQUESTS_RULE}`)
      .send({ params: { minVcpu: 64, minVms: 5, reason: 'Large requests are confirmed first.' } })
      .expect(200);
    expect(changed.body.version).toBe(2);
    const five = await awaiting(BANK, { vms: [{ size: 'm1.small', image: RHEL, count: 5 }] });
    expect(five.decision.approval.reasons.find((r) => r.ruleId === LARGE_REQUESTS_RULE)).toMatchObject({ passed: false, ruleVersion: 2 });
    expect((await request(large.id)).decision.approval.reasons.find((r: RuleResult) => r.ruleId === LARGE_REQUESTS_RULE).ruleVersion).toBe(1);
  });

  it('cancelling a waiting request rolls it back (nothing exists at the partner yet)', async () => {
    const { id } = await awaiting();
    const res = await t.http.post(`/v1/provisioning-requests/${id}/cancel`).expect(202);
    expect(res.body).toMatchObject({ status: 'ROLLING_BACK', cancelRequested: true, approvalDeadline: null });
    expect(await outboxOf(id)).toHaveLength(1);
  });
});
