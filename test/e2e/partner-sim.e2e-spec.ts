import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { HttpPartnerBackend } from '#libs/partner-client/src/http/http-partner-backend.js';
import type { PartnerSimAdminClient } from '#libs/partner-client/src/http/partner-sim-admin.client.js';
import type { PartnerOperation, ResourceLabels } from '#libs/partner-client/src/partner-backend.js';
import { operationFailure, PermanentPartnerError, TransientPartnerError } from '#libs/partner-client/src/partner-errors.js';
import { partnerSimMigrations } from '#libs/partner-sim/src/persistence/partner-sim-data-source.js';
import { resourceListing } from '#libs/partner-sim/src/persistence/typeorm-operation-ledger.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { startPartnerSim, type TestPartnerSim } from '../support/partner-sim.js';
import { nodesOf, planOf } from '../support/query-plan.js';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../support/test-database.js';

/** The simulator on a fresh, empty database, driven through the control plane's own client. */
describe('partner simulator', () => {
  const databaseName = uniqueDatabaseName('cp_test_partner_sim');
  let databaseUrl: string;
  let simulator: TestPartnerSim;
  let baseUrl: string;
  let backend: HttpPartnerBackend;
  let admin: PartnerSimAdminClient;
  let db: pg.Pool;

  async function startSimulator(): Promise<void> {
    simulator = await startPartnerSim(databaseUrl);
    ({ url: baseUrl, backend, admin } = simulator);
  }

  beforeAll(async () => {
    databaseUrl = await createDatabase(databaseName);
    await startSimulator();
    db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    db.on('error', () => undefined);
  });
  afterAll(async () => {
    await simulator?.close();
    await db?.end();
    await dropDatabase(databaseName);
  });

  /** Each test its own partner code: profiles and faults are per partner. */
  const partnerFor = (name: string) => `${name}-${randomUUID().slice(0, 8)}`;
  const labelsFor = (request = randomUUID()): ResourceLabels => ({ tenant: 'tenant-1', request });
  const key = () => randomUUID();

  /** Polls until the operation is no longer running; the deadline only stops a hung test. */
  async function settled(operation: PartnerOperation): Promise<PartnerOperation> {
    const deadline = Date.now() + 10_000;
    let current = operation;
    while (current.status === 'running') {
      if (Date.now() > deadline) throw new Error(`operation ${current.id} still running`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      current = await backend.getOperation(current.partner, current.id);
    }
    return current;
  }

  it('migrates its own schema, beside the control plane’s and untouched by it', async () => {
    const { rows: tables } = await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'partner_sim' ORDER BY 1`,
    );
    expect(tables.map((t) => t.name)).toEqual(['faults', 'migrations', 'operations', 'profiles', 'resources']);
    const { rows: publicTables } = await db.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`);
    expect(publicTables).toHaveLength(0);

    const applied = await runMigrations(databaseUrl);
    expect(applied.length).toBeGreaterThan(0);
    const { rows: simMigrations } = await db.query<{ name: string }>('SELECT name FROM partner_sim.migrations');
    expect(simMigrations.map((m) => m.name)).toEqual(['PartnerSim1765000000000', 'TenantResourcesByType1765086400000', 'ProfileSeed1765172800000']);
    const { rows: cpMigrations } = await db.query('SELECT name FROM public.schema_migrations');
    expect(cpMigrations).toHaveLength(applied.length);
  });

  it('answers liveness and readiness', async () => {
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ details: { postgresql: { status: 'up' } } });
  });

  it('creates a resource: the operation succeeds and the resource is active', async () => {
    const labels = labelsFor();
    const started = await backend.startCreate('china-telecom', 'vm', { size: 'm1.large', image: 'rhel-7' }, labels, key());
    expect(started).toMatchObject({ partner: 'china-telecom', action: 'create', resourceType: 'vm' });
    expect(started.resourceId).toMatch(/^ctel-vm-[0-9a-f]+$/);
    const done = await settled(started);
    expect(done).toMatchObject({ id: started.id, status: 'succeeded', error: null });

    const [resource, ...others] = await backend.listResources('china-telecom', { request: labels.request });
    expect(others).toHaveLength(0);
    expect(resource).toMatchObject({
      id: started.resourceId,
      type: 'vm',
      state: 'active',
      power: 'off',
      labels,
      spec: { size: 'm1.large', image: 'rhel-7' },
      deletedAt: null,
    });
  });

  it('accepts any partner code as its own backend', async () => {
    const done = await settled(await backend.startCreate('acme-cloud', 'org', { name: 'Acme' }, labelsFor(), key()));
    expect(done).toMatchObject({ partner: 'acme-cloud', status: 'succeeded' });
    expect(done.resourceId).toMatch(/^acmecl-org-/);
  });

  describe('idempotency', () => {
    it('answers the same key and body with the same operation, creating one resource', async () => {
      const partner = partnerFor('idem');
      const labels = labelsFor();
      const idempotencyKey = key();
      const first = await backend.startCreate(partner, 'volume', { sizeGib: 100, tier: 'ssd' }, labels, idempotencyKey);
      // The same body with its keys in another order is the same request.
      const again = await backend.startCreate(partner, 'volume', { tier: 'ssd', sizeGib: 100 }, { request: labels.request, tenant: labels.tenant }, idempotencyKey);
      expect(again.id).toBe(first.id);
      expect(again.resourceId).toBe(first.resourceId);
      expect(await backend.listResources(partner, { state: 'all' })).toHaveLength(1);
    });

    it('refuses the same key with another body: 422, nothing created', async () => {
      const partner = partnerFor('idem');
      const idempotencyKey = key();
      await backend.startCreate(partner, 'volume', { sizeGib: 100 }, labelsFor(), idempotencyKey);
      const reuse = backend.startCreate(partner, 'volume', { sizeGib: 200 }, labelsFor(), idempotencyKey);
      await expect(reuse).rejects.toBeInstanceOf(PermanentPartnerError);
      await expect(reuse).rejects.toMatchObject({ status: 422, code: 'idempotency-key-reused' });
      // A key is bound to its action too.
      const [volume] = await backend.listResources(partner);
      await expect(backend.startDelete(partner, volume.id, idempotencyKey)).rejects.toMatchObject({ status: 422 });
      expect(await backend.listResources(partner, { state: 'all' })).toHaveLength(1);
    });

    it('creates exactly once under concurrent duplicates', async () => {
      const partner = partnerFor('idem');
      const labels = labelsFor();
      const idempotencyKey = key();
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => backend.startCreate(partner, 'network', { cidr: '10.1.0.0/24' }, labels, idempotencyKey)),
      );
      expect(new Set(answers.map((a) => a.id)).size).toBe(1);
      expect(await backend.listResources(partner, { state: 'all' })).toHaveLength(1);
    });

    it('takes a scheduled fault once for concurrent duplicates, creates and deletes alike', async () => {
      const partner = partnerFor('idem');
      const labels = labelsFor();
      await admin.addFault(partner, { action: 'create', resourceType: 'network', kind: 'permanent', count: 3 });
      await admin.addFault(partner, { action: 'delete', resourceType: 'volume', kind: 'permanent', count: 3 });
      const createKey = key();
      const creates = await Promise.all(Array.from({ length: 8 }, () => backend.startCreate(partner, 'network', {}, labels, createKey)));
      expect(new Set(creates.map((a) => a.id)).size).toBe(1);
      const volume = await backend.startCreate(partner, 'volume', {}, labels, key());
      const deleteKey = key();
      const deletes = await Promise.all(Array.from({ length: 8 }, () => backend.startDelete(partner, volume.resourceId, deleteKey)));
      expect(new Set(deletes.map((a) => a.id)).size).toBe(1);
      // The losers of each race were rolled back, faults they took included: one call's worth each.
      expect((await admin.listFaults(partner)).map((f) => [f.action, f.remaining])).toEqual([
        ['create', 2],
        ['delete', 2],
      ]);
    });

    it('keeps keys per partner', async () => {
      const idempotencyKey = key();
      const here = await backend.startCreate(partnerFor('idem'), 'org', {}, labelsFor(), idempotencyKey);
      const there = await backend.startCreate(partnerFor('idem'), 'org', {}, labelsFor(), idempotencyKey);
      expect(here.id).not.toBe(there.id);
    });

    it('refuses a mutating call without an Idempotency-Key: 400 problem+json', async () => {
      const response = await fetch(`${baseUrl}/partners/softbank/resources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'org', spec: {}, labels: { tenant: 't' } }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
      const deletion = await fetch(`${baseUrl}/partners/softbank/resources/sbnk-org-x`, { method: 'DELETE' });
      expect(deletion.status).toBe(400);
    });

    it('validates the body: a type it knows, a spec object, labels with a tenant', async () => {
      const send = (body: unknown) =>
        fetch(`${baseUrl}/partners/softbank/resources`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key() },
          body: JSON.stringify(body),
        });
      expect((await send({ type: 'router', spec: {}, labels: { tenant: 't' } })).status).toBe(400);
      expect((await send({ type: 'vm', spec: 'big', labels: { tenant: 't' } })).status).toBe(400);
      const untenanted = await send({ type: 'vm', spec: {}, labels: { request: 'r' } });
      expect(untenanted.status).toBe(400);
      expect(((await untenanted.json()) as { detail: string }).detail).toMatch(/labels\.tenant is required/);
      expect((await send({ type: 'vm', spec: {}, labels: { tenant: 't', size: 4 } })).status).toBe(400);
    });
  });

  it('keeps an operation running until its time, then completes it when polled', async () => {
    const partner = partnerFor('slow');
    await admin.setProfile(partner, { latencyMs: 60_000, jitterMs: 0, transientFailureRate: 0, permanentFailureRate: 0 });
    const labels = labelsFor();
    const slow = await backend.startCreate(partner, 'vm', {}, labels, key());
    expect(slow.status).toBe('running');
    expect((await backend.getOperation(partner, slow.id)).status).toBe('running');
    expect(await backend.listResources(partner, { request: labels.request })).toMatchObject([{ id: slow.resourceId, state: 'creating' }]);

    await admin.setProfile(partner, { latencyMs: 50, jitterMs: 20, transientFailureRate: 0, permanentFailureRate: 0 });
    const quick = await backend.startCreate(partner, 'volume', {}, labels, key());
    expect(await settled(quick)).toMatchObject({ status: 'succeeded' });

    // A delete may overtake a create still running; the late create never brings the resource back.
    const removal = await settled(await backend.startDelete(partner, slow.resourceId, key()));
    expect(removal.status).toBe('succeeded');
    expect(await backend.listResources(partner, { request: labels.request })).toMatchObject([{ id: quick.resourceId, state: 'active' }]);
  });

  it('lets a delete overtake a create still running: the late create never brings the resource back', async () => {
    const partner = partnerFor('cancel');
    await admin.setProfile(partner, { latencyMs: 150, jitterMs: 0, transientFailureRate: 0, permanentFailureRate: 0 });
    const create = await backend.startCreate(partner, 'vm', {}, labelsFor(), key());
    await admin.resetProfile(partner);
    const removal = await backend.startDelete(partner, create.resourceId, key());
    expect(removal.status).toBe('succeeded');
    expect(await settled(create)).toMatchObject({ status: 'succeeded' });
    expect(await backend.listResources(partner, { state: 'all' })).toMatchObject([{ id: create.resourceId, state: 'deleted' }]);
  });

  it('fails the next matching create for good under a permanent fault, leaving no live resource', async () => {
    const partner = partnerFor('perm');
    const fault = await admin.addFault(partner, { action: 'create', resourceType: 'volume', kind: 'permanent', count: 1 });
    expect(fault).toMatchObject({ remaining: 1, kind: 'permanent' });
    const labels = labelsFor();
    // Another type does not match the fault.
    expect(await settled(await backend.startCreate(partner, 'network', {}, labels, key()))).toMatchObject({ status: 'succeeded' });

    const failed = await settled(await backend.startCreate(partner, 'volume', { sizeGib: 500 }, labels, key()));
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'insufficient-capacity', permanent: true } });
    const error = operationFailure(failed);
    expect(error).toBeInstanceOf(PermanentPartnerError);

    expect((await backend.listResources(partner, { request: labels.request })).map((r) => r.type)).toEqual(['network']);
    expect(await backend.listResources(partner, { request: labels.request, type: 'volume', state: 'all' })).toMatchObject([
      { id: failed.resourceId, state: 'deleted' },
    ]);
    expect(await admin.listFaults(partner)).toEqual([]);
    // The fault was for one call: the next volume is created.
    expect(await settled(await backend.startCreate(partner, 'volume', {}, labels, key()))).toMatchObject({ status: 'succeeded' });
  });

  it('answers a transient fault 503 (or 429 with Retry-After) without doing anything; a retry with the key succeeds', async () => {
    const partner = partnerFor('flaky');
    await admin.addFault(partner, { action: 'create', kind: 'transient', count: 1 });
    await admin.addFault(partner, { action: 'create', kind: 'transient', count: 1, httpStatus: 429, retryAfterSeconds: 2 });
    const labels = labelsFor();
    const idempotencyKey = key();
    const create = () => backend.startCreate(partner, 'vm', {}, labels, idempotencyKey);

    const unavailable = await create().catch((error: unknown) => error);
    expect(unavailable).toBeInstanceOf(TransientPartnerError);
    expect(unavailable).toMatchObject({ status: 503 });
    const throttled = await create().catch((error: unknown) => error);
    expect(throttled).toMatchObject({ status: 429, retryAfterMs: 2000 });
    expect(await admin.inspectResources(partner, { state: 'all' })).toEqual([]);

    const created = await settled(await create());
    expect(created.status).toBe('succeeded');
    expect(await backend.listResources(partner, { state: 'all' })).toHaveLength(1);
  });

  it('follows the profile’s failure rates, on every partner call; the admin view stays reliable', async () => {
    const partner = partnerFor('rates');
    const created = await settled(await backend.startCreate(partner, 'network', {}, labelsFor(), key()));
    await admin.setProfile(partner, { latencyMs: 0, jitterMs: 0, transientFailureRate: 1, permanentFailureRate: 0 });
    await expect(backend.getOperation(partner, created.id)).rejects.toBeInstanceOf(TransientPartnerError);
    await expect(backend.listResources(partner)).rejects.toBeInstanceOf(TransientPartnerError);
    await expect(backend.startCreate(partner, 'network', {}, labelsFor(), key())).rejects.toBeInstanceOf(TransientPartnerError);
    expect(await admin.inspectResources(partner)).toHaveLength(1);

    await admin.setProfile(partner, { latencyMs: 0, jitterMs: 0, transientFailureRate: 0, permanentFailureRate: 1 });
    expect(await settled(await backend.startCreate(partner, 'network', {}, labelsFor(), key()))).toMatchObject({ status: 'failed' });
    await admin.resetProfile(partner);
    expect(await admin.getProfile(partner)).toMatchObject({ latencyMs: 0, transientFailureRate: 0, configured: false });
    expect(await settled(await backend.startCreate(partner, 'network', {}, labelsFor(), key()))).toMatchObject({ status: 'succeeded' });
  });

  it('deletes: the resource is deleted and gone from the default list; deleting again succeeds', async () => {
    const partner = partnerFor('del');
    const labels = labelsFor();
    const created = await settled(await backend.startCreate(partner, 'network', {}, labels, key()));
    const deleteKey = key();
    const removal = await settled(await backend.startDelete(partner, created.resourceId, deleteKey));
    expect(removal).toMatchObject({ action: 'delete', status: 'succeeded', resourceId: created.resourceId });

    expect(await backend.listResources(partner, { request: labels.request })).toEqual([]);
    expect(await backend.listResources(partner, { state: 'deleted' })).toMatchObject([{ id: created.resourceId, deletedAt: expect.any(String) }]);
    // A compensation run twice: the same key replays, a new key starts a delete that succeeds.
    expect((await backend.startDelete(partner, created.resourceId, deleteKey)).id).toBe(removal.id);
    expect(await settled(await backend.startDelete(partner, created.resourceId, key()))).toMatchObject({ status: 'succeeded' });

    await expect(backend.startDelete(partner, `${partner}-network-nope`, key())).rejects.toMatchObject({ permanent: true, status: 404 });
    await expect(backend.getOperation(partner, 'no-such-op')).rejects.toMatchObject({ permanent: true, status: 404 });
    // Another partner's resource is not this partner's.
    await expect(backend.startDelete(partnerFor('other'), created.resourceId, key())).rejects.toMatchObject({ status: 404 });
  });

  it('keeps a resource whose delete fails for good', async () => {
    const partner = partnerFor('del');
    const created = await settled(await backend.startCreate(partner, 'volume', {}, labelsFor(), key()));
    await admin.addFault(partner, { action: 'delete', kind: 'permanent', count: 1 });
    const removal = await settled(await backend.startDelete(partner, created.resourceId, key()));
    expect(removal).toMatchObject({ status: 'failed', error: { code: 'resource-locked', permanent: true } });
    expect(await backend.listResources(partner)).toMatchObject([{ id: created.resourceId, state: 'active' }]);
  });

  it('powers on an active vm, and refuses other types and unfinished vms', async () => {
    const partner = partnerFor('power');
    const labels = labelsFor();
    const vm = await settled(await backend.startCreate(partner, 'vm', { size: 'm1.small' }, labels, key()));
    const powerOn = await settled(await backend.startPowerOn(partner, vm.resourceId, key()));
    expect(powerOn).toMatchObject({ action: 'power-on', status: 'succeeded', resourceType: 'vm' });
    expect(await backend.listResources(partner, { type: 'vm' })).toMatchObject([{ id: vm.resourceId, power: 'on', state: 'active' }]);

    const network = await settled(await backend.startCreate(partner, 'network', {}, labels, key()));
    await expect(backend.startPowerOn(partner, network.resourceId, key())).rejects.toMatchObject({ status: 422, code: 'not-a-vm' });

    await admin.setProfile(partner, { latencyMs: 60_000, jitterMs: 0, transientFailureRate: 0, permanentFailureRate: 0 });
    const pending = await backend.startCreate(partner, 'vm', {}, labels, key());
    await expect(backend.startPowerOn(partner, pending.resourceId, key())).rejects.toMatchObject({ status: 409, code: 'resource-not-active' });
    await admin.resetProfile(partner);

    await admin.addFault(partner, { action: 'power-on', resourceType: 'vm', kind: 'permanent', count: 1 });
    const other = await settled(await backend.startCreate(partner, 'vm', {}, labels, key()));
    expect(await settled(await backend.startPowerOn(partner, other.resourceId, key()))).toMatchObject({
      status: 'failed',
      error: { code: 'power-on-failed' },
    });
    expect(await backend.listResources(partner, { type: 'vm', state: 'active' })).toMatchObject([
      { id: vm.resourceId, power: 'on' },
      { id: other.resourceId, power: 'off' },
    ]);
  });

  it('lists by request, tenant, type and state labels', async () => {
    const partner = partnerFor('list');
    const first = labelsFor();
    const second = { tenant: 'tenant-2', request: randomUUID(), site: 'tokyo' };
    for (const [type, labels] of [['org', first], ['network', first], ['vm', first], ['network', second]] as const) {
      await settled(await backend.startCreate(partner, type, {}, labels, key()));
    }
    expect((await backend.listResources(partner, { request: first.request })).map((r) => r.type)).toEqual(['org', 'network', 'vm']);
    expect(await backend.listResources(partner, { request: second.request })).toMatchObject([{ labels: second }]);
    expect(await backend.listResources(partner, { tenant: 'tenant-2' })).toHaveLength(1);
    expect(await backend.listResources(partner, { type: 'network' })).toHaveLength(2);
    expect(await backend.listResources(partner, { state: 'creating' })).toEqual([]);
    expect(await backend.listResources(partner, { request: randomUUID() })).toEqual([]);
  });

  it('finds a tenant’s org by its key alone, however many other resources the tenant has', async () => {
    // Every provisioning request lists its tenant's org: that read must not grow with the tenant.
    const partner = partnerFor('org-lookup');
    const { tenant } = labelsFor();
    await db.query(
      `INSERT INTO partner_sim.resources (id, partner, type, labels, spec, state)
       SELECT 'net-' || n, $1, 'network', jsonb_build_object('tenant', $2::text, 'request', 'r' || n), '{}'::jsonb, 'active'
       FROM generate_series(1, 300) AS n
       UNION ALL SELECT 'org-1', $1, 'org', jsonb_build_object('tenant', $2::text), '{}'::jsonb, 'active'`,
      [partner, tenant],
    );
    const { text, values } = resourceListing(partner, { tenant, type: 'org', state: 'all' });
    const plan = planOf((await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values)).rows);
    const scans = nodesOf(plan).filter((node) => node['Relation Name'] === 'resources');
    expect(scans).toEqual([expect.objectContaining({ 'Index Name': 'resources_partner_tenant_type', 'Actual Rows': 1 })]);
    expect(scans[0]['Rows Removed by Filter'] ?? 0).toBe(0);
    expect((await backend.listResources(partner, { tenant, type: 'org', state: 'all' })).map((r) => r.id)).toEqual(['org-1']);
  });

  it('keeps its state across a restart on the same database', async () => {
    const partner = partnerFor('restart');
    const labels = labelsFor();
    const kept = await settled(await backend.startCreate(partner, 'vm', {}, labels, key()));
    await admin.setProfile(partner, { latencyMs: 200, jitterMs: 0, transientFailureRate: 0, permanentFailureRate: 0, seed: 9 });
    await admin.addFault(partner, { action: 'create', resourceType: 'volume', kind: 'permanent', count: 1 });
    const inFlightKey = key();
    const inFlight = await backend.startCreate(partner, 'network', {}, labels, inFlightKey);
    expect(inFlight.status).toBe('running');

    await simulator.close();
    await expect(backend.getOperation(partner, inFlight.id)).rejects.toBeInstanceOf(TransientPartnerError);
    await startSimulator();

    expect(await backend.getOperation(partner, kept.id)).toMatchObject({ status: 'succeeded' });
    expect(await settled(await backend.getOperation(partner, inFlight.id))).toMatchObject({ status: 'succeeded' });
    expect((await backend.startCreate(partner, 'network', {}, labels, inFlightKey)).id).toBe(inFlight.id);
    expect(await admin.getProfile(partner)).toMatchObject({ latencyMs: 200, seed: 9, configured: true });
    expect(await settled(await backend.startCreate(partner, 'volume', {}, labels, key()))).toMatchObject({ status: 'failed' });
    expect(await backend.listResources(partner, { request: labels.request })).toMatchObject([
      { id: kept.resourceId, state: 'active' },
      { id: inFlight.resourceId, state: 'active' },
    ]);
    // Each ran once: the restart applied none again.
    const { rows } = await db.query('SELECT name FROM partner_sim.migrations');
    expect(rows).toHaveLength(partnerSimMigrations.length);
  });
});
