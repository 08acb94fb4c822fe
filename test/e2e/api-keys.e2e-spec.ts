import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { issueSecret, parseKey } from '#libs/access/src/domain/api-key-secret.js';
import { expectProblem, expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A key written straight to the table, as the seed or another process would have made it. */
async function insertKey(db: pg.Pool, role: string, scope: { partnerCode?: string; tenantId?: string } = {}): Promise<string> {
  const issued = issueSecret();
  await db.query(
    `INSERT INTO api_keys (id, name, role, partner_code, tenant_id, secret_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [issued.keyId, `test ${role}`, role, scope.partnerCode ?? null, scope.tenantId ?? null, issued.secretHash],
  );
  return issued.plaintext;
}

const bearer = (key: string) => `Bearer ${key}`;

describe('API keys', () => {
  let t: TestApp;
  const tenantId = randomUUID();
  let partnerKey: string;
  let tenantKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Just enough catalogue for scoped keys, written directly: the key routes are under test here.
    await t.db.query(`INSERT INTO regions (code, name) VALUES ('east-asia', 'East Asia')`);
    await t.db.query(
      `INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
       VALUES ('CN', 'China', 'east-asia', false, 'Foreign companies may not own data centres in China.', 'in-country')`,
    );
    await t.db.query(`INSERT INTO partners (code, name, kind, country) VALUES ('china-telecom', 'China Telecom', 'local-partner', 'CN')`);
    await t.db.query(
      `INSERT INTO tenants (id, name, home_country, segment, sector, residency, quota_vcpu, quota_memory_gib, quota_storage_gib, quota_vms, status)
       VALUES ($1, 'Beijing Commercial Bank', 'CN', 'enterprise-large', 'financial', 'in-country', 10, 10, 10, 10, 'active')`,
      [tenantId],
    );
    partnerKey = await insertKey(t.db, 'partner-operator', { partnerCode: 'china-telecom' });
    tenantKey = await insertKey(t.db, 'tenant', { tenantId });
  });
  afterAll(() => t.close());

  describe('lifecycle', () => {
    let created: { id: string; key: string };

    it('creates a key and shows it this once, with what it is', async () => {
      const res = await t.http.post('/v1/api-keys').send({ name: 'ci-pipeline', role: 'platform-operator' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        key: expect.stringMatching(/^hcp_/),
        name: 'ci-pipeline',
        role: 'platform-operator',
        scope: { kind: 'platform' },
        createdBy: 'bootstrap',
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(parseKey(res.body.key)?.keyId).toBe(res.body.id);
      expect(res.headers.location).toBe(`/v1/api-keys/${res.body.id}`);
      expect(res.headers['cache-control']).toBe('no-store');
      created = res.body;
    });

    it('is accepted on its first use, which is recorded', async () => {
      await t.anonymous.get('/v1/api-keys').set('Authorization', bearer(created.key)).expect(200);
      const read = await t.http.get(`/v1/api-keys/${created.id}`).expect(200);
      expect(read.body.lastUsedAt).toEqual(expect.any(String));
    });

    it('is never shown again, nor its hash: not when read, not in a list', async () => {
      const secret = parseKey(created.key)!.secret;
      const read = await t.http.get(`/v1/api-keys/${created.id}`).expect(200);
      const list = await t.http.get('/v1/api-keys?limit=100').expect(200);
      expect(list.body.items.map((k: { id: string }) => k.id)).toContain(created.id);
      for (const body of [read.body, ...list.body.items]) {
        expect(Object.keys(body).sort()).toEqual(['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'revokedAt', 'role', 'scope']);
      }
      const { rows } = await t.db.query<{ secret_hash: string }>(`SELECT secret_hash FROM api_keys WHERE id = $1`, [created.id]);
      for (const text of [read.text, list.text]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(rows[0].secret_hash);
      }
    });

    it('is revoked, and refused from its next use on', async () => {
      const res = await t.http.post(`/v1/api-keys/${created.id}/revoke`).expect(200);
      expect(res.body).toMatchObject({ id: created.id, revokedAt: expect.any(String) });
      const refused = await t.anonymous.get('/v1/api-keys').set('Authorization', bearer(created.key));
      expectProblem(refused, 401);
    });

    it('cannot be revoked twice', async () => {
      const res = await expectRefused(t.db, () => t.http.post(`/v1/api-keys/${created.id}/revoke`), 409);
      expect(res.body.detail).toMatch(/already revoked/);
    });

    it('answers an unknown key id with 404', async () => {
      await expectRefused(t.db, () => t.http.get('/v1/api-keys/no-such-key'), 404);
      await expectRefused(t.db, () => t.http.post('/v1/api-keys/no-such-key/revoke'), 404);
    });
  });

  describe('scopes', () => {
    it('scopes a partner operator to an existing partner', async () => {
      const res = await t.http.post('/v1/api-keys').send({ name: 'ct ops', role: 'partner-operator', partner: 'china-telecom' }).expect(201);
      expect(res.body.scope).toEqual({ kind: 'partner', partnerCode: 'china-telecom' });
    });

    it('scopes a tenant key to an existing tenant', async () => {
      const res = await t.http.post('/v1/api-keys').send({ name: 'bank', role: 'tenant', tenant: tenantId }).expect(201);
      expect(res.body.scope).toEqual({ kind: 'tenant', tenantId });
    });

    it('answers a partner or tenant that does not exist with 404, creating nothing', async () => {
      await expectRefused(t.db, () => t.http.post('/v1/api-keys').send({ name: 'x', role: 'partner-operator', partner: 'nobody' }), 404);
      await expectRefused(t.db, () => t.http.post('/v1/api-keys').send({ name: 'x', role: 'tenant', tenant: randomUUID() }), 404);
    });

    it.each([
      ['a partner operator without a partner', { role: 'partner-operator' }, 'partner'],
      ['a tenant key without a tenant', { role: 'tenant' }, 'tenant'],
      ['a platform key with a partner', { role: 'platform-operator', partner: 'china-telecom' }, 'partner'],
      ['a tenant key with a partner', { role: 'tenant', tenant: tenantId, partner: 'china-telecom' }, 'partner'],
      ['a partner operator with a tenant', { role: 'partner-operator', partner: 'china-telecom', tenant: tenantId }, 'tenant'],
      ['a tenant id that is no uuid', { role: 'tenant', tenant: 'bank' }, 'tenant'],
      ['an empty name', { role: 'platform-operator', name: '' }, 'name'],
    ])('refuses %s with 400 naming the field', async (_case, fields, field) => {
      const res = await expectRefused(t.db, () => t.http.post('/v1/api-keys').send({ name: 'x', ...fields }), 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });

  describe('listing', () => {
    it('filters by role and by revocation, page by page', async () => {
      const tenants = await t.http.get('/v1/api-keys?role=tenant').expect(200);
      expect(tenants.body.items.length).toBeGreaterThan(0);
      expect(tenants.body.items.every((k: { role: string }) => k.role === 'tenant')).toBe(true);
      const revoked = await t.http.get('/v1/api-keys?revoked=true').expect(200);
      expect(revoked.body.items.length).toBeGreaterThan(0);
      expect(revoked.body.items.every((k: { revokedAt: string | null }) => k.revokedAt !== null)).toBe(true);
      const live = await t.http.get('/v1/api-keys?revoked=false').expect(200);
      expect(live.body.items.every((k: { revokedAt: string | null }) => k.revokedAt === null)).toBe(true);

      const all = (await t.http.get('/v1/api-keys?limit=100').expect(200)).body.items.map((k: { id: string }) => k.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get('/v1/api-keys')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        seen.push(...page.body.items.map((k) => k.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it('refuses an unknown filter value with 400', async () => {
      expectProblem(await t.http.get('/v1/api-keys?revoked=yes'), 400);
      expectProblem(await t.http.get('/v1/api-keys?role=root'), 400);
    });
  });

  describe('storage', () => {
    it('keeps only a hash: no column of any table holds a key or its secret', async () => {
      const keys = [
        (await t.http.post('/v1/api-keys').send({ name: 'stored 1', role: 'platform-operator' }).expect(201)).body.key as string,
        (await t.http.post('/v1/api-keys').send({ name: 'stored 2', role: 'tenant', tenant: tenantId }).expect(201)).body.key as string,
        partnerKey,
      ];
      // Use them, so last-use bookkeeping and the audit trail have had their chance to leak them.
      for (const key of keys) await t.anonymous.post('/v1/api-keys').set('Authorization', bearer(key)).send({});
      const { rows: columns } = await t.db.query<{ table: string; column: string }>(
        `SELECT c.table_name AS table, c.column_name AS column
           FROM information_schema.columns c
           JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
          WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND tb.table_type = 'BASE TABLE'`,
      );
      expect(columns.length).toBeGreaterThan(20);
      // The same search does find the public part, so a leak of the rest could not slip past it.
      const { rows: found } = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM api_keys WHERE strpos(id::text, $1) > 0`, [
        parseKey(keys[0])!.keyId,
      ]);
      expect(Number(found[0].n)).toBe(1);
      for (const key of keys) {
        const needles = [key, parseKey(key)!.secret];
        for (const { table, column } of columns) {
          const { rows } = await t.db.query<{ n: string }>(
            `SELECT count(*) AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0 OR strpos("${column}"::text, $2) > 0`,
            needles,
          );
          expect({ table, column, matches: Number(rows[0].n) }).toEqual({ table, column, matches: 0 });
        }
      }
    });
  });

  describe('authentication', () => {
    const unknownKey = issueSecret().plaintext;
    let revokedKey: string;
    let wrongSecret: string;

    beforeAll(async () => {
      revokedKey = await insertKey(t.db, 'platform-operator');
      await t.db.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [parseKey(revokedKey)!.keyId]);
      const live = await insertKey(t.db, 'platform-operator');
      wrongSecret = `${live.slice(0, -4)}AAAA`;
    });

    it.each([
      ['no Authorization header', null],
      ['a bare Bearer', 'Bearer'],
      ['another scheme', 'Basic x'],
      ['a malformed key', 'Bearer hcp_bad'],
      ['an unknown key', () => bearer(unknownKey)],
      ['a known key id with a wrong secret', () => bearer(wrongSecret)],
      ['a revoked key', () => bearer(revokedKey)],
    ])('refuses %s with the same 401', async (_case, header) => {
      const value = typeof header === 'function' ? header() : header;
      for (const send of [() => t.anonymous.get('/v1/api-keys'), () => t.anonymous.post('/v1/api-keys').send({ name: 'x', role: 'platform-operator' })]) {
        const req = send();
        const res = await (value === null ? req : req.set('Authorization', value));
        expectProblem(res, 401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.body.detail).toBe('A valid API key is required: send it as "Authorization: Bearer <key>".');
      }
    });

    it.each(['/health', '/health/ready', '/openapi.json'])('serves %s without a key', async (path) => {
      await t.anonymous.get(path).expect(200);
    });

    it('serves the API docs without a key', async () => {
      const res = await t.anonymous.get('/docs').redirects(1).expect(200);
      expect(res.text).toContain('swagger-ui');
    });
  });

  describe('other roles', () => {
    it.each([
      ['a partner operator', () => partnerKey],
      ['a tenant', () => tenantKey],
    ])('%s may not create keys (403), list them (403), or see one (404)', async (_who, key) => {
      const auth = bearer(key());
      const someKey = (await t.http.post('/v1/api-keys').send({ name: 'target', role: 'platform-operator' }).expect(201)).body.id;
      const ownKey = parseKey(key())!.keyId;
      await expectRefused(t.db, () => t.anonymous.post('/v1/api-keys').set('Authorization', auth).send({ name: 'mine', role: 'platform-operator' }), 403);
      await expectRefused(t.db, () => t.anonymous.get('/v1/api-keys').set('Authorization', auth), 403);
      for (const id of [someKey, ownKey, 'no-such-key']) {
        const read = await expectRefused(t.db, () => t.anonymous.get(`/v1/api-keys/${id}`).set('Authorization', auth), 404);
        expect(read.body.detail).toBe(`No API key '${id}' exists.`);
        await expectRefused(t.db, () => t.anonymous.post(`/v1/api-keys/${id}/revoke`).set('Authorization', auth), 404);
      }
    });
  });
});
