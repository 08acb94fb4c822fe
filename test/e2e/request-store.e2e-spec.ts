import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import { RequestStore } from '#libs/provisioning/src/execution/executor/request-store.js';
import type { Transition } from '#libs/provisioning/src/execution/executor/request-snapshot.js';
import { recordChanges } from '#libs/provisioning/src/persistence/request-journal.js';
import { arrangeWorld, type World } from '../support/isolation-world.js';
import { nodesOf, planOf } from '../support/query-plan.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { rows, submission } from './provisioning-api.support.js';

/**
 * The executor's reads and writes, each one statement: a request and its steps as a job sees
 * them, and a job's decision committed guarded by version, all of it or none of it.
 */
describe('RequestStore', () => {
  let t: TestApp;
  let world: World;
  let store: RequestStore;

  beforeAll(async () => {
    t = await startTestApp();
    world = await arrangeWorld(t);
    store = new RequestStore(t.app.get(DataSource));
  }, 30_000);
  afterAll(() => t.close());

  const submit = async (): Promise<string> => (await t.http.post('/v1/provisioning-requests').send(submission(world, 'bank')).expect(202)).body.id as string;
  const written = async (id: string) => ({
    request: await rows(t, `SELECT status, version, cancel_requested FROM provisioning_requests WHERE id = $1`, [id]),
    steps: await rows(t, `SELECT position, status, attempts, items, started_at FROM provisioning_steps WHERE request_id = $1 ORDER BY position`, [id]),
    events: await rows(t, `SELECT type, data FROM request_events WHERE request_id = $1 ORDER BY id`, [id]),
    outbox: await rows(t, `SELECT id, payload FROM outbox WHERE payload->>'requestId' = $1 ORDER BY id`, [id]),
  });

  it('loads the request with its steps in order, time stamps as dates', async () => {
    const id = await submit();
    const request = (await store.load(id))!;
    expect(request).toMatchObject({ id, status: 'PROVISIONING', version: 1, cancelRequested: false, partner: 'china-telecom' });
    expect(request.steps.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(request.steps[0]).toMatchObject({ name: 'reserve-capacity', status: 'succeeded', attempts: 1, items: [] });
    expect(request.steps[0].startedAt).toBeInstanceOf(Date);
    expect(request.steps[1]).toMatchObject({ name: 'ensure-tenant-org', status: 'running', attempts: 1 });
    expect(request.steps[2].startedAt).toBeNull();
  });

  it('commits steps, events (in order) and the next job in one go, at the next version', async () => {
    const id = await submit();
    const request = (await store.load(id))!;
    const startedAt = new Date('2026-01-02T03:04:05.678Z');
    const transition: Transition = {
      steps: [{ ...request.steps[1], status: 'running', attempts: 1, startedAt, items: [{ key: 'org', idempotencyKey: 'k', operationId: null, resourceId: null, status: 'pending' }] }],
      events: [
        { type: 'first', data: { n: 1 } },
        { type: 'second', data: { n: 2 } },
      ],
      next: { delayMs: 0 },
    };
    expect(await store.commit(request, transition)).toBe(2);
    const after = await written(id);
    expect(after.request).toEqual([{ status: 'PROVISIONING', version: 2, cancel_requested: false }]);
    expect(after.steps[1]).toMatchObject({ status: 'running', attempts: 1, started_at: startedAt, items: transition.steps[0].items });
    expect(after.events.slice(-2)).toEqual([
      { type: 'first', data: { n: 1 } },
      { type: 'second', data: { n: 2 } },
    ]);
    expect(after.outbox.map((row) => row.id)).toEqual([`${id}.1`, `${id}.2`]);
    expect(after.outbox[1].payload).toEqual({ requestId: id, version: 2 });
    expect((await store.load(id))!.steps[1].startedAt).toEqual(startedAt);
  });

  it('serves a job at the version this process committed from memory, equal to what a read returns', async () => {
    const id = await submit();
    const request = (await store.load(id))!;
    const now = new Date('2026-01-02T03:04:05.678Z');
    const transition: Transition = {
      steps: [
        { ...request.steps[1], status: 'succeeded', finishedAt: now, items: [{ key: 'org', idempotencyKey: 'k', operationId: 'op-1', resourceId: 'org-1', status: 'succeeded', error: null }] },
        { ...request.steps[2], status: 'running', attempts: 1, startedAt: now, items: [{ key: 'network', idempotencyKey: 'n', operationId: null, resourceId: null, status: 'pending' }] },
      ],
      events: [{ type: 'step-succeeded', data: {} }],
      next: { delayMs: 0 },
    };
    const version = await store.commit(request, transition);
    expect(await store.loadAt(id, version)).toEqual(await store.load(id));

    // Changed behind the store's back without a version bump (nothing real does that): the job at this version does not read it.
    await t.db.query(`UPDATE provisioning_requests SET spec = jsonb_set(spec, '{storageGib}', '999') WHERE id = $1`, [id]);
    expect((await store.loadAt(id, version))!.spec.storageGib).toBe(request.spec.storageGib);
    expect((await store.load(id))!.spec.storageGib).toBe(999);
    expect((await store.loadAt(id, version - 1))!.spec.storageGib).toBe(999);
  });

  it('reads the database for a request whose last commit scheduled nothing, or lost the race', async () => {
    const idle = (await store.load(await submit()))!;
    const version = await store.commit(idle, { steps: [], events: [{ type: 'paused', data: {} }], next: null });
    await t.db.query(`UPDATE provisioning_requests SET spec = jsonb_set(spec, '{storageGib}', '999') WHERE id = $1`, [idle.id]);
    expect((await store.loadAt(idle.id, version))!.spec.storageGib).toBe(999);

    const raced = (await store.load(await submit()))!;
    const won = await store.commit(raced, { steps: [], events: [], next: { delayMs: 0 } });
    await t.db.query(`UPDATE provisioning_requests SET version = version + 1 WHERE id = $1`, [raced.id]);
    await expect(store.commit((await store.loadAt(raced.id, won))!, { steps: [], events: [], next: { delayMs: 0 } })).rejects.toBeInstanceOf(ConcurrentUpdateError);
    await t.db.query(`UPDATE provisioning_requests SET version = $2, spec = jsonb_set(spec, '{storageGib}', '999') WHERE id = $1`, [raced.id, won]);
    expect((await store.loadAt(raced.id, won))!.spec.storageGib).toBe(999);
  });

  it('commits the plain changes of jobs that finish together in one statement, each guarded on its own', async () => {
    const requests = await Promise.all([submit(), submit(), submit()].map(async (id) => (await store.load(await id))!));
    const [first, lost, third] = requests;
    await t.db.query(`UPDATE provisioning_requests SET version = version + 1 WHERE id = $1`, [lost.id]);
    const lostBefore = await written(lost.id);
    const now = new Date('2026-01-02T03:04:05.678Z');
    const transition = (request: (typeof requests)[number]): Transition => ({
      status: request === third ? 'ROLLING_BACK' : undefined,
      steps: [{ ...request.steps[1], status: 'succeeded', finishedAt: now, items: [{ key: 'org', idempotencyKey: `k-${request.id}`, operationId: 'op', resourceId: 'org-1', status: 'succeeded' }] }],
      events: [
        { type: 'first', data: { of: request.id } },
        { type: 'second', data: { of: request.id } },
      ],
      next: { delayMs: request === third ? 0 : 60_000 },
    });
    const outcomes = await Promise.allSettled(requests.map((request) => store.commit(request, transition(request))));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrentUpdateError);
    expect(await written(lost.id)).toEqual(lostBefore);
    for (const request of [first, third]) {
      const after = await written(request.id);
      expect(after.request).toEqual([{ status: request === third ? 'ROLLING_BACK' : 'PROVISIONING', version: 2, cancel_requested: false }]);
      expect(after.steps[1]).toMatchObject({ status: 'succeeded', items: transition(request).steps[0].items });
      expect(after.events.slice(-2)).toEqual(transition(request).events);
      expect(after.outbox.map((row) => row.id)).toEqual([`${request.id}.1`, `${request.id}.2`]);
      expect(after.outbox[1].payload).toEqual({ requestId: request.id, version: 2 });
    }
    const { rows: due } = await t.db.query<{ late: boolean }>(`SELECT available_at > now() + interval '50 seconds' AS late FROM outbox WHERE id = $1`, [`${first.id}.2`]);
    expect(due).toEqual([{ late: true }]);
  });

  /** Copies of a request, as if submitted after it (without holding capacity the other tests need). */
  const copy = (id: string, count: number) =>
    t.db.query(
      `WITH copies AS (
         INSERT INTO provisioning_requests
         SELECT (jsonb_populate_record(r, jsonb_build_object('id', gen_random_uuid()))).* FROM provisioning_requests r, generate_series(1, $2)
         WHERE r.id = $1 RETURNING id
       )
       INSERT INTO provisioning_steps
       SELECT (jsonb_populate_record(s, jsonb_build_object('request_id', copies.id))).* FROM provisioning_steps s, copies
       WHERE s.request_id = $1`,
      [id, count],
    );

  it('finds the requests of a group commit by their key, whatever plan PostgreSQL keeps for it', async () => {
    const id = await submit();
    await copy(id, 400);
    const request = (await store.load(id))!;
    const runner = t.app.get(DataSource).createQueryRunner();
    await runner.startTransaction();
    try {
      // The plan kept for the statement, not one made for these values.
      await runner.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      const changed = await recordChanges(runner.manager, [{ request, change: { columns: {}, events: [], next: null } }]);
      expect(changed).toEqual(new Set([id]));
      const [{ name, params }] = (await runner.query(
        `SELECT name, cardinality(parameter_types) AS params FROM pg_prepared_statements
         WHERE statement LIKE 'WITH input AS%UPDATE provisioning_requests%' ORDER BY prepare_time DESC LIMIT 1`,
      )) as { name: string; params: number }[];
      const input = JSON.stringify([{ i: 0, id, status: 'PROVISIONING', version: 2, steps: [], events: [], schedule: false }]);
      const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
      const values = [`${literal(input)}::jsonb`, `ARRAY[${literal(id)}]::uuid[]`].slice(0, params);
      const explain = `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${values.join(', ')})`;
      const nodes = nodesOf(planOf(await runner.query(explain)));
      expect(nodes.filter((node) => node['Relation Name'] === 'provisioning_requests' && node['Node Type'] === 'Seq Scan')).toEqual([]);
      expect(nodes.map((node) => node['Index Name'])).toContain('provisioning_requests_pkey');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('rewrites a request and its steps on their own pages, though requests submitted later filled them', async () => {
    // Room left on each page (fillfactor) keeps a step's rewrite there: no new index entries, no
    // dead row elsewhere for vacuum. Full pages would send every rewrite to another page.
    const id = await submit();
    await copy(id, 16);
    const pages = async () => ({
      request: await rows(t, `SELECT (ctid::text::point)[0] AS page FROM provisioning_requests WHERE id = $1`, [id]),
      steps: await rows(t, `SELECT position, (ctid::text::point)[0] AS page FROM provisioning_steps WHERE request_id = $1 ORDER BY position`, [id]),
    });
    const before = await pages();
    const request = (await store.load(id))!;
    const now = new Date();
    const item = { key: 'org', idempotencyKey: `${id}:org`, operationId: 'op-1', resourceId: 'org-1', status: 'succeeded' as const, error: null };
    await store.commit(request, {
      steps: [
        { ...request.steps[1], status: 'succeeded', finishedAt: now, items: [item] },
        { ...request.steps[2], status: 'running', attempts: 1, startedAt: now, items: [{ ...item, key: 'network', status: 'pending', operationId: null, resourceId: null }] },
      ],
      events: [{ type: 'step-succeeded', data: {} }],
      next: { delayMs: 0 },
    });
    expect(await pages()).toEqual(before);
  });

  it('writes nothing at all when the request moved on since it was loaded', async () => {
    const id = await submit();
    const request = (await store.load(id))!;
    await t.db.query(`UPDATE provisioning_requests SET version = version + 1 WHERE id = $1`, [id]);
    const before = await written(id);
    const transition: Transition = {
      status: 'ROLLING_BACK',
      columns: { finished_at: new Date() },
      steps: [{ ...request.steps[1], status: 'failed' }],
      events: [{ type: 'rollback-started', data: {} }],
      next: { delayMs: 0 },
    };
    await expect(store.commit(request, transition)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(await written(id)).toEqual(before);
  });
  it('commits the last transition with its effects on reservation and deployment, or nothing of it when it lost the race', async () => {
    const effects = (id: string) => ({
      reservation: rows(t, `SELECT status FROM capacity_reservations WHERE request_id = $1`, [id]),
      deployment: rows(t, `SELECT status, resources FROM deployments WHERE request_id = $1`, [id]),
    });
    const activate = (request: NonNullable<Awaited<ReturnType<RequestStore['load']>>>): Transition => ({
      status: 'ACTIVE',
      steps: [],
      events: [{ type: 'request-active', data: {} }],
      effects: [{ kind: 'commit-capacity' }, { kind: 'record-deployment', resources: [{ step: 'create-vms', item: 'vm-0', partner: request.partner, type: 'vm', id: 'vm-1', shared: false }] }],
      next: null,
    });
    const lost = (await store.load(await submit()))!;
    await t.db.query(`UPDATE provisioning_requests SET version = version + 1 WHERE id = $1`, [lost.id]);
    await expect(store.commit(lost, activate(lost))).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect({ reservation: await effects(lost.id).reservation, deployment: await effects(lost.id).deployment }).toEqual({ reservation: [{ status: 'held' }], deployment: [] });

    const won = (await store.load(await submit()))!;
    expect(await store.commit(won, activate(won))).toBe(2);
    expect({ reservation: await effects(won.id).reservation, deployment: await effects(won.id).deployment }).toEqual({
      reservation: [{ status: 'committed' }],
      deployment: [{ status: 'active', resources: [{ step: 'create-vms', item: 'vm-0', partner: 'china-telecom', type: 'vm', id: 'vm-1', shared: false }] }],
    });
  });
});
