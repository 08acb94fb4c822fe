import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { issueSecret } from '#libs/access/src/domain/api-key-secret.js';
import { expectProblem } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface AuditRow {
  id: string;
  key_id: string | null;
  role: string | null;
  scope: string | null;
  action: string;
  method: string;
  target: string;
  status: number;
  outcome: string;
  detail: string | null;
}

async function insertKey(db: pg.Pool, role: string, tenantId: string | null = null): Promise<{ id: string; key: string }> {
  const issued = issueSecret();
  await db.query(`INSERT INTO api_keys (id, name, role, tenant_id, secret_hash) VALUES ($1, $2, $3, $4, $5)`, [
    issued.keyId,
    `test ${role}`,
    role,
    tenantId,
    issued.secretHash,
  ]);
  return { id: issued.keyId, key: issued.plaintext };
}

/** Audit rows are written just after the response is sent: wait for the one a call left. */
async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the expected audit row did not appear');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('audit trail', () => {
  let t: TestApp;
  const tenantId = randomUUID();
  let tenant: { id: string; key: string };
  let operator: { id: string; key: string };

  const rowWhere = (sql: string, params: unknown[]) =>
    eventually(async () => (await t.db.query<AuditRow>(`SELECT * FROM audit_events WHERE ${sql} ORDER BY id DESC LIMIT 1`, params)).rows[0]);

  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`INSERT INTO regions (code, name) VALUES ('europe', 'Europe')`);
    await t.db.query(
      `INSERT INTO jurisdictions (country, name, region_code, provider_may_own_data_centres, ownership_rationale, default_residency)
       VALUES ('GB', 'United Kingdom', 'europe', true, 'No restriction.', 'in-country')`,
    );
    await t.db.query(
      `INSERT INTO tenants (id, name, home_country, segment, sector, residency, quota_vcpu, quota_memory_gib, quota_storage_gib, quota_vms, status)
       VALUES ($1, 'Northfield NHS Trust', 'GB', 'government', 'healthcare', 'in-country', 10, 10, 10, 10, 'active')`,
      [tenantId],
    );
    tenant = await insertKey(t.db, 'tenant', tenantId);
    operator = await insertKey(t.db, 'platform-operator');
  });
  afterAll(() => t.close());

  it('records a successful create: who, what, the created target, the outcome', async () => {
    const res = await t.http.post('/v1/api-keys').send({ name: 'audited', role: 'platform-operator' }).expect(201);
    const row = await rowWhere('target = $1', [`/v1/api-keys/${res.body.id}`]);
    expect(row).toMatchObject({
      key_id: 'bootstrap',
      role: 'platform-operator',
      scope: 'platform',
      action: 'create-api-key',
      method: 'POST',
      status: 201,
      outcome: 'succeeded',
      detail: null,
    });
  });

  it('records a call refused by validation (400), with the problem detail', async () => {
    await t.anonymous.post('/v1/api-keys').set('Authorization', `Bearer ${operator.key}`).send({ role: 'platform-operator' }).expect(400);
    const row = await rowWhere('key_id = $1 AND status = 400', [operator.id]);
    expect(row).toMatchObject({ action: 'create-api-key', target: '/v1/api-keys', outcome: 'refused', role: 'platform-operator' });
    expect(row.detail).toMatch(/name is required/);
  });

  it('records a call refused for the role (403), with the scope', async () => {
    await t.anonymous.post('/v1/api-keys').set('Authorization', `Bearer ${tenant.key}`).send({ name: 'x', role: 'tenant', tenant: tenantId }).expect(403);
    const row = await rowWhere('key_id = $1 AND status = 403', [tenant.id]);
    expect(row).toMatchObject({
      role: 'tenant',
      scope: `tenant:${tenantId}`,
      action: 'create-api-key',
      method: 'POST',
      target: '/v1/api-keys',
      outcome: 'refused',
    });
    expect(row.detail).toMatch(/may not/);
  });

  it('records a call on a missing object (404)', async () => {
    await t.http.post('/v1/api-keys/no-such-key/revoke').expect(404);
    const row = await rowWhere('target = $1', ['/v1/api-keys/no-such-key/revoke']);
    expect(row).toMatchObject({ key_id: 'bootstrap', action: 'revoke-api-key', status: 404, outcome: 'refused' });
    expect(row.detail).toBe("No API key 'no-such-key' exists.");
  });

  it('records an unauthenticated write, with nobody as the actor', async () => {
    await t.anonymous.post('/v1/api-keys/anonymous-target/revoke').expect(401);
    const row = await rowWhere('target = $1', ['/v1/api-keys/anonymous-target/revoke']);
    expect(row).toMatchObject({ key_id: null, role: null, scope: null, action: 'revoke-api-key', status: 401, outcome: 'refused' });
  });

  it('records writes no route takes: an unknown path, a malformed body', async () => {
    await t.http.post('/v1/no-such-route').send({}).expect(404);
    expect(await rowWhere('target = $1', ['/v1/no-such-route'])).toMatchObject({ action: 'unknown-route', status: 404, outcome: 'refused' });
    await t.http.patch('/v1/api-keys/malformed').set('content-type', 'application/json').send('{"unterminated": ').expect(400);
    expect(await rowWhere('target = $1', ['/v1/api-keys/malformed'])).toMatchObject({ action: 'unrouted', method: 'PATCH', outcome: 'refused' });
  });

  it('records nothing for reads', async () => {
    const marker = `/v1/api-keys/marker-${randomUUID()}/revoke`;
    await t.http.get('/v1/api-keys').expect(200);
    await t.http.get('/v1/audit-events').expect(200);
    await t.http.get('/v1/api-keys/whatever').expect(404);
    // A write after the reads: once its row is there, any row of the reads would be too.
    await t.http.post(marker).expect(404);
    await rowWhere('target = $1', [marker]);
    const { rows } = await t.db.query(`SELECT method, target FROM audit_events WHERE method NOT IN ('POST', 'PUT', 'PATCH', 'DELETE')`);
    expect(rows).toEqual([]);
  });

  describe('GET /v1/audit-events', () => {
    it('lists newest first, page by page', async () => {
      const all = (await t.http.get('/v1/audit-events?limit=100').expect(200)).body.items as { id: string }[];
      const ids = all.map((event) => Number(event.id));
      expect(ids.length).toBeGreaterThanOrEqual(7);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const first = await t.http.get('/v1/audit-events?limit=3').expect(200);
      const second = await t.http.get('/v1/audit-events').query({ limit: 3, cursor: first.body.nextCursor }).expect(200);
      expect([...first.body.items, ...second.body.items].map((e: { id: string }) => e.id)).toEqual(all.slice(0, 6).map((e) => e.id));
    });

    it('shows who, what and how it ended', async () => {
      const res = await t.http.get('/v1/audit-events').query({ actor: tenant.id }).expect(200);
      expect(res.body.items).toEqual([
        {
          id: expect.any(String),
          at: expect.any(String),
          actor: { keyId: tenant.id, role: 'tenant', scope: `tenant:${tenantId}` },
          action: 'create-api-key',
          method: 'POST',
          target: '/v1/api-keys',
          status: 403,
          outcome: 'refused',
          detail: expect.stringMatching(/may not/),
        },
      ]);
    });

    it('filters by target, exactly or by prefix', async () => {
      const exact = await t.http.get('/v1/audit-events').query({ target: '/v1/api-keys/no-such-key/revoke' }).expect(200);
      expect(exact.body.items.map((e: { target: string }) => e.target)).toEqual(['/v1/api-keys/no-such-key/revoke']);
      const prefix = await t.http.get('/v1/audit-events').query({ target: '/v1/api-keys/*', limit: 100 }).expect(200);
      const targets = prefix.body.items.map((e: { target: string }) => e.target) as string[];
      expect(targets.length).toBeGreaterThanOrEqual(4);
      expect(targets.every((target) => target.startsWith('/v1/api-keys/'))).toBe(true);
      // % and _ are literal in a prefix, not wildcards.
      expect((await t.http.get('/v1/audit-events').query({ target: '/v1/%*' }).expect(200)).body.items).toEqual([]);
    });

    it('filters by outcome and by an unauthenticated actor', async () => {
      const succeeded = await t.http.get('/v1/audit-events').query({ outcome: 'succeeded', limit: 100 }).expect(200);
      expect(succeeded.body.items.length).toBeGreaterThan(0);
      expect(succeeded.body.items.every((e: { status: number }) => e.status < 400)).toBe(true);
      const refused = await t.http.get('/v1/audit-events').query({ outcome: 'refused', actor: 'bootstrap', limit: 100 }).expect(200);
      expect(refused.body.items.every((e: { actor: { keyId: string }; outcome: string }) => e.actor.keyId === 'bootstrap' && e.outcome === 'refused')).toBe(true);
      expectProblem(await t.http.get('/v1/audit-events?outcome=maybe'), 400);
      expectProblem(await t.http.get('/v1/audit-events?cursor=forged'), 400);
    });

    it('is for platform operators only', async () => {
      const res = await t.anonymous.get('/v1/audit-events').set('Authorization', `Bearer ${tenant.key}`);
      expectProblem(res, 403);
      expectProblem(await t.anonymous.get('/v1/audit-events'), 401);
    });
  });
});
