import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY_RULES } from '#libs/policy/src/default-policy-rules.js';
import { expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Policy rules as data over the API: listed, created, changed with a version each time, history kept. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const JAPAN_EXCLUSION = {
  kind: 'procurement-exclusion',
  name: 'Japan government: no Windows 8',
  description: 'An example exclusion.',
  params: { country: 'JP', segments: ['government'], images: [{ vendor: 'Microsoft', versionPrefix: '8' }], rationale: 'Example rationale' },
};

describe('the baseline rules', () => {
  it('are installed with every database, version 1, and listed with filters', async () => {
    const all = (await t.http.get('/v1/policy-rules?limit=100').expect(200)).body.items as { id: string; kind: string; version: number }[];
    expect(all.map((r) => r.id).sort()).toEqual(DEFAULT_POLICY_RULES.map((r) => r.id).sort());
    expect(all.every((r) => r.version === 1)).toBe(true);
    const approvals = (await t.http.get('/v1/policy-rules?kind=approval').expect(200)).body.items;
    expect(approvals).toHaveLength(2);
    const china = (await t.http.get('/v1/policy-rules/a05a2a37-cd97-4487-8811-b8539f175ea7').expect(200)).body;
    expect(china).toMatchObject({ kind: 'jurisdiction-residency', params: { country: 'CN', residency: 'in-country', partnerOperatedOnly: true } });
  });
});

describe('creating and changing a rule', () => {
  it('creates version 1 with its history, and refuses a second rule of the same name (409)', async () => {
    const res = await t.http.post('/v1/policy-rules').send(JAPAN_EXCLUSION).expect(201);
    expect(res.headers.location).toBe(`/v1/policy-rules/${res.body.id}`);
    expect(res.body).toMatchObject({ ...JAPAN_EXCLUSION, enabled: true, version: 1 });
    const history = (await t.http.get(`/v1/policy-rules/${res.body.id}/versions`).expect(200)).body.items;
    expect(history).toEqual([expect.objectContaining({ version: 1, changedBy: 'bootstrap', params: JAPAN_EXCLUSION.params })]);
    await expectRefused(t.db, () => t.http.post('/v1/policy-rules').send(JAPAN_EXCLUSION), 409);
  });

  it('refuses params that do not fit the kind: 400 naming the field, nothing written', async () => {
    const res = await expectRefused(
      t.db,
      () => t.http.post('/v1/policy-rules').send({ ...JAPAN_EXCLUSION, name: 'Broken', params: { ...JAPAN_EXCLUSION.params, country: 'Japan' } }),
      400,
    );
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'params.country' })]);
    const approval = await expectRefused(
      t.db,
      () => t.http.post('/v1/policy-rules').send({ kind: 'approval', name: 'Empty approval', description: 'x', params: { reason: 'No trigger' } }),
      400,
    );
    expect(approval.body.detail).toMatch(/at least one of/);
  });

  it('changes make a new version; the history keeps every one; the kind never changes', async () => {
    const { body: rule } = await t.http
      .post('/v1/policy-rules')
      .send({ ...JAPAN_EXCLUSION, name: 'Japan government: no Windows 8 (2)' })
      .expect(201);
    const disabled = (await t.http.patch(`/v1/policy-rules/${rule.id}`).send({ enabled: false }).expect(200)).body;
    expect(disabled).toMatchObject({ version: 2, enabled: false, kind: 'procurement-exclusion' });
    const narrowed = { ...JAPAN_EXCLUSION.params, segments: ['government', 'enterprise-large'] };
    expect((await t.http.patch(`/v1/policy-rules/${rule.id}`).send({ params: narrowed }).expect(200)).body.version).toBe(3);
    const history = (await t.http.get(`/v1/policy-rules/${rule.id}/versions`).expect(200)).body.items;
    expect(history.map((v: { version: number; enabled: boolean }) => [v.version, v.enabled])).toEqual([
      [1, true],
      [2, false],
      [3, false],
    ]);
    // Params of another kind are refused against the stored kind.
    const res = await expectRefused(t.db, () => t.http.patch(`/v1/policy-rules/${rule.id}`).send({ params: { minVcpu: 8, reason: 'x' } }), 400);
    expect(res.body.errors.length).toBeGreaterThan(0);
    await expectRefused(t.db, () => t.http.patch(`/v1/policy-rules/${rule.id}`).send({}), 400);
  });

  it('a disabled rule no longer decides: its kind leaves the decision', async () => {
    const tenantStatus = DEFAULT_POLICY_RULES.find((r) => r.kind === 'tenant-status')!;
    await t.http.patch(`/v1/policy-rules/${tenantStatus.id}`).send({ enabled: false }).expect(200);
    const enabled = (await t.http.get('/v1/policy-rules?enabled=true&limit=100').expect(200)).body.items as { id: string }[];
    expect(enabled.map((r) => r.id)).not.toContain(tenantStatus.id);
    await t.http.patch(`/v1/policy-rules/${tenantStatus.id}`).send({ enabled: true }).expect(200);
  });
});
