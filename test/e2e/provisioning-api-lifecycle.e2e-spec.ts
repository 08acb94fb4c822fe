import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { RequestEventStream } from '#libs/provisioning/src/requests/list-request-events/request-event-stream.js';
import { arrangeWorld, caller, expectHidden, type Principal, walkList, type World } from '../support/isolation-world.js';
import { expectProblem, expectRefused } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { listeningPort, makeActive, openEventStream, rows, submission } from './provisioning-api.support.js';

/**
 * After submission, over the API: cancel, decommission, the event log as JSON and as a server-sent
 * event stream, and who sees which requests and deployments. Where a request must be further
 * along than the API takes it (ACTIVE, final), SQL plays the executor's part.
 */

let t: TestApp;
let world: World;
const as = (principal: Principal) => caller(t, world, principal);
const submitFor = async (tenant: 'bank' | 'insurer' | 'trust' = 'bank'): Promise<string> =>
  (await as('platform')('post', '/v1/provisioning-requests', submission(world, tenant)).expect(202)).body.id as string;
const eventTypes = async (id: string) =>
  (await rows<{ type: string }>(t, `SELECT type FROM request_events WHERE request_id = $1 ORDER BY id`, [id])).map((e) => e.type);
const outboxIds = async (id: string) =>
  (await rows<{ id: string }>(t, `SELECT id FROM outbox WHERE payload->>'requestId' = $1 ORDER BY created_at, id`, [id])).map((r) => r.id);

beforeAll(async () => {
  t = await startTestApp();
  world = await arrangeWorld(t);
}, 30_000);
afterAll(() => t.close());

describe('cancel', () => {
  it('before ACTIVE: sets cancelRequested, records the event and schedules the executor; 202 with the request', async () => {
    const id = await submitFor();
    const res = await as('bank')('post', `/v1/provisioning-requests/${id}/cancel`).expect(202);
    expect(res.headers.location).toBe(`/v1/provisioning-requests/${id}`);
    expect(res.body).toMatchObject({ id, status: 'PROVISIONING', cancelRequested: true, version: 2 });
    expect(await eventTypes(id)).toEqual(['submitted', 'policy-decided', 'placed', 'capacity-reserved', 'step-started', 'cancel-requested']);
    expect(await outboxIds(id)).toEqual([`${id}.1`, `${id}.2`]);
  });

  it('twice: 202 again, and nothing more happens', async () => {
    const id = await submitFor();
    await as('platform')('post', `/v1/provisioning-requests/${id}/cancel`).expect(202);
    const again = await as('bank')('post', `/v1/provisioning-requests/${id}/cancel`).expect(202);
    expect(again.body).toMatchObject({ cancelRequested: true, version: 2 });
    expect((await eventTypes(id)).filter((type) => type === 'cancel-requested')).toHaveLength(1);
    expect(await outboxIds(id)).toHaveLength(2);
  });

  it('once ACTIVE: 409 pointing to the decommission of its deployment, nothing changed', async () => {
    const id = await submitFor();
    const deploymentId = await makeActive(t, id);
    const res = await expectRefused(t.db, () => as('bank')('post', `/v1/provisioning-requests/${id}/cancel`), 409);
    expect(res.body).toMatchObject({
      type: expect.stringMatching(/cannot-cancel$/),
      decommission: `/v1/deployments/${deploymentId}/decommission`,
      deployment: deploymentId,
    });
    expect(res.body.detail).toContain(`POST /v1/deployments/${deploymentId}/decommission`);
  });

  it.each(['ROLLED_BACK', 'FAILED', 'REJECTED', 'DECOMMISSIONED'])('once %s: 409', async (status) => {
    const id = await submitFor();
    await t.db.query(`UPDATE provisioning_requests SET status = $2, version = version + 1, finished_at = now() WHERE id = $1`, [id, status]);
    await expectRefused(t.db, () => as('platform')('post', `/v1/provisioning-requests/${id}/cancel`), 409);
  });

  it('an unknown or malformed id: 404', async () => {
    expectProblem(await as('platform')('post', `/v1/provisioning-requests/${randomUUID()}/cancel`), 404);
    expectProblem(await as('platform')('post', '/v1/provisioning-requests/not-a-uuid/cancel'), 404);
  });
});

describe('decommission', () => {
  it('an ACTIVE deployment: DECOMMISSIONING, deployment marked, event and executor scheduled; 202', async () => {
    const id = await submitFor();
    const deploymentId = await makeActive(t, id);
    const res = await as('bank')('post', `/v1/deployments/${deploymentId}/decommission`).expect(202);
    expect(res.headers.location).toBe(`/v1/deployments/${deploymentId}`);
    expect(res.body).toMatchObject({ id: deploymentId, request: id, tenant: world.tenantIds.bank, dataCentre: expect.stringMatching(/^cn-/), status: 'decommissioning' });
    const request = (await as('bank')('get', `/v1/provisioning-requests/${id}`).expect(200)).body;
    expect(request).toMatchObject({ status: 'DECOMMISSIONING', version: 3, deployment: { id: deploymentId, status: 'decommissioning' } });
    expect((await eventTypes(id)).at(-1)).toBe('decommission-requested');
    expect(await outboxIds(id)).toEqual([`${id}.1`, `${id}.3`]);
  });

  it('twice: 409, nothing changed', async () => {
    const deploymentId = await makeActive(t, await submitFor());
    await as('platform')('post', `/v1/deployments/${deploymentId}/decommission`).expect(202);
    const res = await expectRefused(t.db, () => as('platform')('post', `/v1/deployments/${deploymentId}/decommission`), 409);
    expect(res.body.type).toMatch(/cannot-decommission$/);
  });

  it('with an Idempotency-Key: a retry replays the 202 instead of a 409', async () => {
    const deploymentId = await makeActive(t, await submitFor());
    const key = randomUUID();
    const first = await as('bank')('post', `/v1/deployments/${deploymentId}/decommission`).set('Idempotency-Key', key).expect(202);
    const again = await as('bank')('post', `/v1/deployments/${deploymentId}/decommission`).set('Idempotency-Key', key).expect(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('reads deployments one by one and as a filtered list', async () => {
    const deploymentId = await makeActive(t, await submitFor());
    expect((await as('bank')('get', `/v1/deployments/${deploymentId}`).expect(200)).body).toMatchObject({
      status: 'active',
      resources: [{ type: 'network' }, { type: 'vm' }],
    });
    const { dataCentre } = (await as('bank')('get', `/v1/deployments/${deploymentId}`)).body;
    const active = (await as('platform')('get', `/v1/deployments?status=active&dataCentre=${dataCentre}`).expect(200)).body.items;
    expect(active.map((d: { id: string }) => d.id)).toContain(deploymentId);
    expect(active.every((d: { status: string }) => d.status === 'active')).toBe(true);
  });
});

describe('the event log', () => {
  it('as JSON, oldest first, cursor-paginated by event id', async () => {
    const id = await submitFor();
    const all = (await as('bank')('get', `/v1/provisioning-requests/${id}/events`).expect(200)).body;
    expect(all.items.map((e: { type: string }) => e.type)).toEqual(['submitted', 'policy-decided', 'placed', 'capacity-reserved', 'step-started']);
    expect(all.items[2]).toMatchObject({ id: expect.stringMatching(/^\d+$/), at: expect.any(String), data: { dataCentre: expect.stringMatching(/^cn-/) } });
    const first = (await as('bank')('get', `/v1/provisioning-requests/${id}/events?limit=3`).expect(200)).body;
    expect(first.items).toEqual(all.items.slice(0, 3));
    const rest = (await as('bank')('get', `/v1/provisioning-requests/${id}/events?limit=3&cursor=${first.nextCursor}`).expect(200)).body;
    expect(rest).toEqual({ items: all.items.slice(3), nextCursor: null });
  });

  it('as a server-sent event stream: replays, follows, and ends once the request is final', async () => {
    const port = await listeningPort(t);
    const id = await submitFor();
    const stream = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const replayed = await stream.waitForData(5);
    expect(replayed.map((f) => JSON.parse(f.data!).type)).toEqual(['submitted', 'policy-decided', 'placed', 'capacity-reserved', 'step-started']);
    expect(replayed.map((f) => f.id)).toEqual(replayed.map((f) => JSON.parse(f.data!).id));

    // The executor's part, by SQL: a step, then the final state with its event in one transaction.
    await t.db.query(`INSERT INTO request_events (request_id, type, data) VALUES ($1, 'step-succeeded', '{"step": "ensure-tenant-org"}')`, [id]);
    expect(JSON.parse((await stream.waitForData(6))[5].data!).type).toBe('step-succeeded');
    await t.db.query(`
      WITH changed AS (UPDATE provisioning_requests SET status = 'ROLLED_BACK', version = version + 1, finished_at = now() WHERE id = $1 RETURNING id)
      INSERT INTO request_events (request_id, type, data) SELECT id, 'rolled-back', '{}' FROM changed`, [id]);
    await stream.ended;
    const frames = stream.frames.filter((f) => f.data !== undefined);
    expect(frames.map((f) => f.event ?? JSON.parse(f.data!).type)).toEqual(['submitted', 'policy-decided', 'placed', 'capacity-reserved', 'step-started', 'step-succeeded', 'rolled-back', 'end']);
    expect(JSON.parse(frames.at(-1)!.data!)).toEqual({ status: 'ROLLED_BACK' });

    // Resuming with Last-Event-ID sends only what came after, and then ends; past the end, 204.
    const resumed = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank, { 'Last-Event-ID': frames[3].id! });
    await resumed.ended;
    expect(resumed.frames.map((f) => f.event ?? JSON.parse(f.data!).type)).toEqual(['step-started', 'step-succeeded', 'rolled-back', 'end']);
    const past = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank, { 'Last-Event-ID': frames[6].id! });
    expect(past.status).toBe(204);
  });

  it('ends the stream once the provisioning it watches succeeds (ACTIVE)', async () => {
    const port = await listeningPort(t);
    const id = await submitFor();
    const stream = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank);
    await stream.waitForData(5);
    await t.db.query(`
      WITH changed AS (UPDATE provisioning_requests SET status = 'ACTIVE', version = version + 1 WHERE id = $1 RETURNING id)
      INSERT INTO request_events (request_id, type, data) SELECT id, 'activated', '{}' FROM changed`, [id]);
    await stream.ended;
    const frames = stream.frames.filter((f) => f.data !== undefined);
    expect(frames.slice(-2).map((f) => f.event ?? JSON.parse(f.data!).type)).toEqual(['activated', 'end']);
    expect(JSON.parse(frames.at(-1)!.data!)).toEqual({ status: 'ACTIVE' });
    // Coming back after the end of that operation: nothing more to wait for.
    const past = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank, { 'Last-Event-ID': frames.at(-2)!.id! });
    expect(past.status).toBe(204);
  });

  it('with until=DECOMMISSIONED, follows an ACTIVE request through its decommission', async () => {
    const port = await listeningPort(t);
    const id = await submitFor();
    await makeActive(t, id);
    const stream = await openEventStream(port, `/v1/provisioning-requests/${id}/events?until=DECOMMISSIONED`, world.keys.bank);
    const replayed = await stream.waitForData(5);
    const lastReplayed = replayed.at(-1)!.id!;
    await t.db.query(`
      WITH changed AS (UPDATE provisioning_requests SET status = 'DECOMMISSIONING', version = version + 1 WHERE id = $1 RETURNING id)
      INSERT INTO request_events (request_id, type, data) SELECT id, 'decommission-requested', '{}' FROM changed`, [id]);
    expect(JSON.parse((await stream.waitForData(6))[5].data!).type).toBe('decommission-requested');
    await t.db.query(`
      WITH changed AS (UPDATE provisioning_requests SET status = 'DECOMMISSIONED', version = version + 1, finished_at = now() WHERE id = $1 RETURNING id)
      INSERT INTO request_events (request_id, type, data) SELECT id, 'decommissioned', '{}' FROM changed`, [id]);
    await stream.ended;
    expect(JSON.parse(stream.frames.at(-1)!.data!)).toEqual({ status: 'DECOMMISSIONED' });
    // The default would have ended at ACTIVE: resuming from before the decommission without `until` replays it and ends.
    const resumed = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank, { 'Last-Event-ID': lastReplayed });
    await resumed.ended;
    expect(resumed.frames.map((f) => f.event ?? JSON.parse(f.data!).type)).toEqual(['decommission-requested', 'decommissioned', 'end']);
  });

  it('refuses an unknown status in until, and until on the JSON log', async () => {
    const id = await submitFor();
    const unknown = await as('bank')('get', `/v1/provisioning-requests/${id}/events?until=ACTIVE,DONE`).set('Accept', 'text/event-stream').expect(400);
    expectProblem(unknown, 400);
    expect(JSON.stringify(unknown.body)).toContain('until must list statuses among');
    const json = await as('bank')('get', `/v1/provisioning-requests/${id}/events?until=ACTIVE`).expect(400);
    expect(JSON.stringify(json.body)).toContain('until applies to the event stream only');
  });

  it('streams events in id order when ids grow a digit (numeric, not text, order)', async () => {
    const port = await listeningPort(t);
    const id = await submitFor();
    // Explicit ids across a digit boundary: as text, '1000000' sorts before '999998'.
    await t.db.query(
      `INSERT INTO request_events (id, request_id, type, data)
       SELECT n, $1, 'step-started', '{}' FROM unnest(ARRAY[999998, 999999, 1000000, 1000001]::bigint[]) AS n`,
      [id],
    );
    await t.db.query(`
      WITH changed AS (UPDATE provisioning_requests SET status = 'ROLLED_BACK', version = version + 1, finished_at = now() WHERE id = $1 RETURNING id)
      INSERT INTO request_events (id, request_id, type, data) SELECT 1000002, id, 'rolled-back', '{}' FROM changed`, [id]);
    const stream = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank);
    await stream.ended;
    const ids = stream.frames.filter((f) => f.id !== undefined).map((f) => BigInt(f.id!));
    expect(ids.slice(-5)).toEqual([999998n, 999999n, 1000000n, 1000001n, 1000002n]);
    expect(ids.every((value, i) => i === 0 || value > ids[i - 1])).toBe(true);
  });

  it('stops following when the client goes away', async () => {
    const port = await listeningPort(t);
    const id = await submitFor();
    const stream = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank);
    await stream.waitForData(3);
    const streams = t.app.get(RequestEventStream);
    expect(streams.openStreams).toBe(1);
    stream.close();
    // The poller notices at once (it sleeps between polls, and the disconnect wakes it).
    for (let waited = 0; streams.openStreams > 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(streams.openStreams).toBe(0);
  });

  it('ends the streams still open when the app shuts down (else the close in afterAll would hang)', async () => {
    const port = await listeningPort(t);
    const id = await submitFor();
    const stream = await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank);
    await stream.waitForData(3);
    void stream.ended.then(() => expect(t.app.get(RequestEventStream).openStreams).toBe(0));
  });

  it('refuses a Last-Event-ID it did not send: 400; another scope: 404', async () => {
    const port = await listeningPort(t);
    const id = await submitFor();
    expect((await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.bank, { 'Last-Event-ID': 'abc' })).status).toBe(400);
    expect((await openEventStream(port, `/v1/provisioning-requests/${id}/events`, world.keys.insurer)).status).toBe(404);
  });
});

describe('scoping', () => {
  let bankRequest: string;
  let insurerRequest: string;
  let trustRequest: string;
  let bankDeployment: string;
  let insurerDeployment: string;

  beforeAll(async () => {
    bankRequest = await submitFor('bank');
    insurerRequest = await submitFor('insurer');
    trustRequest = await submitFor('trust');
    bankDeployment = await makeActive(t, await submitFor('bank'));
    insurerDeployment = await makeActive(t, await submitFor('insurer'));
  });

  const listed = async (principal: Principal, path: string) => walkList((url) => as(principal)('get', url), path, 50);
  const placedIn = async (prefix: string) =>
    (await rows<{ id: string }>(t, `SELECT id FROM provisioning_requests WHERE data_centre_code LIKE $1 ORDER BY id`, [`${prefix}%`])).map((r) => r.id);
  const ofTenant = async (tenant: 'bank' | 'insurer') =>
    (await rows<{ id: string }>(t, `SELECT id FROM provisioning_requests WHERE tenant_id = $1 ORDER BY id`, [world.tenantIds[tenant]])).map((r) => r.id);

  it('a tenant lists and reads its own requests only; another tenant\'s is a 404 like a missing one', async () => {
    expect(await listed('bank', '/v1/provisioning-requests')).toEqual(await ofTenant('bank'));
    expect(await listed('insurer', '/v1/provisioning-requests')).toEqual(await ofTenant('insurer'));
    await as('bank')('get', `/v1/provisioning-requests/${bankRequest}`).expect(200);
    for (const path of ['', '/events']) {
      await expectHidden(t, (id) => as('insurer')('get', `/v1/provisioning-requests/${id}${path}`), bankRequest, randomUUID());
    }
    await expectHidden(t, (id) => as('trust')('post', `/v1/provisioning-requests/${id}/cancel`), insurerRequest, randomUUID());
  });

  it('a partner lists and reads the requests placed in its data centres only, and may not act on them', async () => {
    expect(await listed('chinaTelecom', '/v1/provisioning-requests')).toEqual(await placedIn('cn-'));
    expect(await listed('softbank', '/v1/provisioning-requests')).toEqual(await placedIn('jp-'));
    await as('chinaTelecom')('get', `/v1/provisioning-requests/${bankRequest}`).expect(200);
    await as('chinaTelecom')('get', `/v1/provisioning-requests/${bankRequest}/events`).expect(200);
    await expectHidden(t, (id) => as('softbank')('get', `/v1/provisioning-requests/${id}`), bankRequest, randomUUID());
    await expectHidden(t, (id) => as('chinaTelecom')('get', `/v1/provisioning-requests/${id}`), trustRequest, randomUUID());
    await expectRefused(t.db, () => as('chinaTelecom')('post', `/v1/provisioning-requests/${bankRequest}/cancel`), 403);
  });

  it('deployments are scoped the same way', async () => {
    expect(await listed('bank', '/v1/deployments')).toContain(bankDeployment);
    expect(await listed('bank', '/v1/deployments')).not.toContain(insurerDeployment);
    expect(await listed('softbank', '/v1/deployments')).toEqual([insurerDeployment]);
    await expectHidden(t, (id) => as('insurer')('get', `/v1/deployments/${id}`), bankDeployment, randomUUID());
    await expectHidden(t, (id) => as('softbank')('post', `/v1/deployments/${id}/decommission`), bankDeployment, randomUUID());
    await expectRefused(t.db, () => as('chinaTelecom')('post', `/v1/deployments/${bankDeployment}/decommission`), 403);
  });

  it('filters narrow a list, never widen it', async () => {
    const byTenant = await listed('platform', `/v1/provisioning-requests?tenant=${world.tenantIds.insurer}`);
    expect(byTenant).toEqual(await ofTenant('insurer'));
    expect(await listed('bank', `/v1/provisioning-requests?tenant=${world.tenantIds.insurer}`)).toEqual([]);
    expect(await listed('platform', '/v1/provisioning-requests?dataCentre=jp-osaka-1')).toEqual(await placedIn('jp-osaka-1'));
    const active = (await as('platform')('get', '/v1/provisioning-requests?status=ACTIVE&limit=100').expect(200)).body.items;
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((r: { status: string }) => r.status === 'ACTIVE')).toBe(true);
    expect(active[0].progress).toEqual({ done: 2, total: 8 });
  });
});
