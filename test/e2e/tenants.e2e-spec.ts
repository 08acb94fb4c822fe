import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import { TenantRepository } from '#libs/catalogue/src/domain/catalogue.repositories.js';
import { expectProblem, expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const quotas = { vcpu: 64, memoryGib: 256, storageGib: 2048, vms: 20 };
const tenant = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Bank of Shanghai',
  homeCountry: 'CN',
  segment: 'enterprise-large',
  sector: 'financial',
  quotas,
  ...overrides,
});


describe('tenants', () => {
  let t: TestApp;

  const refused = (send: () => PromiseLike<Response>, status: number): Promise<Response> => expectRefused(t.db, send, status);

  const register = async (overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> =>
    (await t.http.post('/v1/tenants').send(tenant(overrides)).expect(201)).body as Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia'), ('north-america', 'North America')`);
    await t.db.query(`INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
      VALUES ('CN', 'China', 'east-asia', false, 'Foreigners may not own data centres in China.', 'in-country'),
             ('JP', 'Japan', 'east-asia', false, 'Customers demand data locality.', 'in-region'),
             ('US', 'United States', 'north-america', true, 'The provider owns its US sites.', 'none')`);
  });
  afterAll(() => t.close());

  describe('register and read', () => {
    it('registers a tenant with the residency of its home country and reads it back', async () => {
      const created = await t.http.post('/v1/tenants').send(tenant()).expect(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        name: 'Bank of Shanghai',
        homeCountry: 'CN',
        segment: 'enterprise-large',
        sector: 'financial',
        residency: 'in-country',
        quotas,
        usage: { vcpu: 0, memoryGib: 0, storageGib: 0, vms: 0 },
        status: 'active',
        suspendedReason: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(created.headers.location).toBe(`/v1/tenants/${created.body.id}`);
      const read = await t.http.get(created.headers.location).expect(200);
      expect(read.body).toEqual(created.body);
    });

    it('keeps an explicit residency over the home default', async () => {
      const body = await register({ name: 'Tokyo Metro', homeCountry: 'JP', residency: 'in-country', sector: 'transportation' });
      expect(body.residency).toBe('in-country');
    });

    it('accepts zero quotas and the largest quotas', async () => {
      const max = 10_000_000;
      const zero = await register({ name: 'Zero', quotas: { vcpu: 0, memoryGib: 0, storageGib: 0, vms: 0 } });
      expect(zero.quotas).toEqual({ vcpu: 0, memoryGib: 0, storageGib: 0, vms: 0 });
      const big = await register({ name: 'Big', quotas: { vcpu: max, memoryGib: max, storageGib: max, vms: max } });
      expect(big.quotas).toEqual({ vcpu: max, memoryGib: max, storageGib: max, vms: max });
    });

    it('answers 404 for an unknown id and for an id that is not a uuid', async () => {
      const unknown = await t.http.get(`/v1/tenants/${UNKNOWN_ID}`);
      expectProblem(unknown, 404);
      expect(unknown.body.detail).toBe(`No tenant '${UNKNOWN_ID}' exists.`);
      const malformed = await t.http.get('/v1/tenants/not-a-uuid');
      expectProblem(malformed, 404);
      expect(malformed.body.detail).toBe("No tenant 'not-a-uuid' exists.");
    });
  });

  describe('registration refusals', () => {
    it('refuses a taken name with 409', async () => {
      await register({ name: 'Taken Ltd' });
      const res = await refused(() => t.http.post('/v1/tenants').send(tenant({ name: 'Taken Ltd', homeCountry: 'US' })), 409);
      expect(res.body).toMatchObject({ field: 'name', detail: "A tenant with name 'Taken Ltd' already exists." });
    });

    it('refuses a home country without a jurisdiction with 404', async () => {
      const res = await refused(() => t.http.post('/v1/tenants').send(tenant({ name: 'Paris SA', homeCountry: 'FR' })), 404);
      expect(res.body.detail).toBe("No jurisdiction 'FR' exists.");
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['name missing', { name: undefined }, 'name'],
      ['name empty', { name: '' }, 'name'],
      ['name too long', { name: 'x'.repeat(121) }, 'name'],
      ['name not a string', { name: 42 }, 'name'],
      ['home country lower case', { homeCountry: 'cn' }, 'homeCountry'],
      ['home country of three letters', { homeCountry: 'CHN' }, 'homeCountry'],
      ['unknown segment', { segment: 'startup' }, 'segment'],
      ['unknown sector', { sector: 'retail' }, 'sector'],
      ['unknown residency', { residency: 'anywhere' }, 'residency'],
      ['null residency', { residency: null }, 'residency'],
      ['quotas missing', { quotas: undefined }, 'quotas'],
      ['quotas not an object', { quotas: 5 }, 'quotas'],
      ['quota missing', { quotas: { vcpu: 1, memoryGib: 1, storageGib: 1 } }, 'quotas.vms'],
      ['negative quota', { quotas: { ...quotas, vcpu: -1 } }, 'quotas.vcpu'],
      ['quota over the maximum', { quotas: { ...quotas, storageGib: 10_000_001 } }, 'quotas.storageGib'],
      ['fractional quota', { quotas: { ...quotas, memoryGib: 1.5 } }, 'quotas.memoryGib'],
      ['quota as a string', { quotas: { ...quotas, vms: '20' } }, 'quotas.vms'],
      ['unknown field', { tier: 'gold' }, 'tier'],
      ['unknown quota field', { quotas: { ...quotas, gpus: 1 } }, 'quotas.gpus'],
    ];
    it.each(invalid)('refuses %s with 400', async (_case, overrides, field) => {
      const res = await refused(() => t.http.post('/v1/tenants').send(tenant({ name: 'Invalid', ...overrides })), 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('suspend and resume', () => {
    it('suspends with a reason, refuses a second suspension, resumes, and refuses a second resume', async () => {
      const { id } = await register({ name: 'Suspendable' });
      const suspended = await t.http.post(`/v1/tenants/${id}/suspend`).send({ reason: 'Invoices unpaid for 90 days.' }).expect(200);
      expect(suspended.body).toMatchObject({ id, status: 'suspended', suspendedReason: 'Invoices unpaid for 90 days.' });
      expect(Date.parse(suspended.body.updatedAt)).toBeGreaterThan(Date.parse(suspended.body.createdAt));
      expect((await t.http.get(`/v1/tenants/${id}`).expect(200)).body).toEqual(suspended.body);

      const again = await refused(() => t.http.post(`/v1/tenants/${id}/suspend`).send({ reason: 'Again.' }), 409);
      expect(again.body.detail).toBe("A tenant cannot go from 'suspended' to 'suspended'. It is already suspended.");

      const resumed = await t.http.post(`/v1/tenants/${id}/resume`).expect(200);
      expect(resumed.body).toMatchObject({ id, status: 'active', suspendedReason: null });

      const resumeAgain = await refused(() => t.http.post(`/v1/tenants/${id}/resume`), 409);
      expect(resumeAgain.body.detail).toBe("A tenant cannot go from 'active' to 'active'. It is not suspended.");
    });

    const badReasons: [string, unknown][] = [
      ['no body', undefined],
      ['a missing reason', {}],
      ['an empty reason', { reason: '' }],
      ['a reason over 500 characters', { reason: 'x'.repeat(501) }],
      ['a reason that is not a string', { reason: 7 }],
      ['an unknown field', { reason: 'ok', until: '2030-01-01' }],
    ];
    it.each(badReasons)('refuses a suspension with %s with 400', async (label, body) => {
      const { id } = await register({ name: `Bad reason: ${label}` });
      await refused(() => {
        const req = t.http.post(`/v1/tenants/${id}/suspend`);
        return body === undefined ? req : req.send(body as object);
      }, 400);
    });

    it('accepts a reason of exactly 500 characters', async () => {
      const { id } = await register({ name: 'Long reason' });
      const res = await t.http.post(`/v1/tenants/${id}/suspend`).send({ reason: 'x'.repeat(500) }).expect(200);
      expect(res.body.suspendedReason).toHaveLength(500);
    });
  });

  describe('quotas', () => {
    it('changes only the quotas sent', async () => {
      const { id } = await register({ name: 'Growing' });
      const res = await t.http.patch(`/v1/tenants/${id}/quotas`).send({ vcpu: 128, vms: 0 }).expect(200);
      expect(res.body.quotas).toEqual({ vcpu: 128, memoryGib: 256, storageGib: 2048, vms: 0 });
      expect((await t.http.get(`/v1/tenants/${id}`).expect(200)).body.quotas).toEqual(res.body.quotas);
    });

    const badChanges: [string, unknown, string][] = [
      ['no body', undefined, '(body)'],
      ['an empty body', {}, '(body)'],
      ['a null quota', { vcpu: null }, 'vcpu'],
      ['a negative quota', { memoryGib: -5 }, 'memoryGib'],
      ['a quota over the maximum', { storageGib: 10_000_001 }, 'storageGib'],
      ['a fractional quota', { vms: 2.5 }, 'vms'],
      ['a quota as a string', { vcpu: '8' }, 'vcpu'],
      ['an unknown field', { vcpu: 8, gpus: 2 }, 'gpus'],
    ];
    it.each(badChanges)('refuses %s with 400', async (label, body, field) => {
      const { id } = await register({ name: `Bad quotas: ${label}` });
      const res = await refused(() => {
        const req = t.http.patch(`/v1/tenants/${id}/quotas`);
        return body === undefined ? req : req.send(body as object);
      }, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it('loses no update when changes race: every write is applied or answered 409', async () => {
      const { id } = await register({ name: 'Raced' });
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => t.http.patch(`/v1/tenants/${id}/quotas`).send({ vcpu: i + 1 })),
      );
      const applied = responses.filter((res) => res.status === 200);
      const lost = responses.filter((res) => res.status !== 200);
      for (const res of lost) {
        expectProblem(res, 409);
        expect(res.body.type).toMatch(/concurrent-update$/);
      }
      const { rows } = await t.db.query<{ version: number }>('SELECT version FROM tenants WHERE id = $1', [id]);
      expect(rows[0].version).toBe(applied.length);
    });

    it('refuses a write based on a stale read with a concurrent-update error', async () => {
      const { id } = await register({ name: 'Stale' });
      const repository = t.app.get(TenantRepository);
      const stale = await repository.find(id as string);
      if (!stale) throw new Error('the tenant just registered is missing');
      await t.http.patch(`/v1/tenants/${id}/quotas`).send({ vcpu: 1 }).expect(200);
      stale.changeQuotas({ vcpu: 2 });
      await expect(repository.update(stale)).rejects.toThrow(ConcurrentUpdateError);
      expect((await t.http.get(`/v1/tenants/${id}`).expect(200)).body.quotas.vcpu).toBe(1);
    });
  });

  describe('actions on ids that do not exist', () => {
    const actions: [string, (id: string) => Promise<Response>][] = [
      ['suspend', (id) => t.http.post(`/v1/tenants/${id}/suspend`).send({ reason: 'Audit.' })],
      ['resume', (id) => t.http.post(`/v1/tenants/${id}/resume`)],
      ['change quotas', (id) => t.http.patch(`/v1/tenants/${id}/quotas`).send({ vcpu: 1 })],
    ];
    it.each(actions)('%s answers 404 for an unknown or malformed id', async (_action, send) => {
      const unknown = await refused(() => send(UNKNOWN_ID), 404);
      expect(unknown.body.detail).toBe(`No tenant '${UNKNOWN_ID}' exists.`);
      const malformed = await refused(() => send('12345'), 404);
      expect(malformed.body.detail).toBe("No tenant '12345' exists.");
    });
  });

  describe('list', () => {
    beforeAll(async () => {
      await register({ name: 'Ministry of Health', homeCountry: 'US', segment: 'government', sector: 'healthcare' });
      await register({ name: 'Osaka Power', homeCountry: 'JP', segment: 'enterprise-medium', sector: 'energy' });
      const { id } = await register({ name: 'Suspended Insurer', homeCountry: 'US', sector: 'insurance', residency: 'in-region' });
      await t.http.post(`/v1/tenants/${id}/suspend`).send({ reason: 'Audit.' }).expect(200);
    });

    const names = (res: Response): string[] => (res.body.items as { name: string }[]).map((item) => item.name).sort();

    it('walks every tenant exactly once with a cursor, in id order', async () => {
      const { rows } = await t.db.query<{ id: string }>('SELECT id FROM tenants ORDER BY id');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await t.http
          .get('/v1/tenants')
          .query({ limit: 3, ...(cursor ? { cursor } : {}) })
          .expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...(res.body.items as { id: string }[]).map((item) => item.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(rows.map((row) => row.id));
    });

    it.each([
      ['homeCountry=US', ['Ministry of Health', 'Suspended Insurer']],
      ['segment=government', ['Ministry of Health']],
      ['sector=energy', ['Osaka Power']],
      // Other tests leave CN tenants of every status behind; US and JP tenants are only these.
      ['status=suspended&homeCountry=US', ['Suspended Insurer']],
      ['status=active&homeCountry=US', ['Ministry of Health']],
      ['residency=in-region&homeCountry=US', ['Suspended Insurer']],
      ['homeCountry=JP&segment=enterprise-medium', ['Osaka Power']],
    ])('filters by %s', async (filter, expected) => {
      expect(names(await t.http.get(`/v1/tenants?${filter}`).expect(200))).toEqual(expected);
    });

    it.each([
      ['a cursor that is not base64 JSON', 'cursor=not-a-cursor', 'cursor'],
      ['a forged cursor whose key is not a uuid', `cursor=${Buffer.from(JSON.stringify({ after: "x' OR 1=1" })).toString('base64url')}`, 'cursor'],
      ['a limit of 0', 'limit=0', 'limit'],
      ['a limit over 100', 'limit=101', 'limit'],
      ['a limit that is not a number', 'limit=ten', 'limit'],
      ['an unknown status', 'status=deleted', 'status'],
      ['a lower-case country', 'homeCountry=us', 'homeCountry'],
      ['an unknown filter', 'colour=red', 'colour'],
    ])('refuses %s with 400', async (_case, query, field) => {
      const res = await t.http.get(`/v1/tenants?${query}`);
      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });
});
