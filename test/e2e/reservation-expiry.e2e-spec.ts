import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readEvents, waitForStatus } from '../support/pipeline-assertions.js';
import { type Pipeline, startPipeline } from '../support/pipeline-harness.js';
import { arrangeCatalogue, arrangeSite, type PipelineCatalogue, requestBody, type Site } from '../support/pipeline-world.js';

/**
 * The worker's periodic maintenance job, for real (BullMQ job scheduler, short timings): an
 * approval nobody decides times out, and a hold whose request stopped moving is rolled back.
 */

let p: Pipeline;
let catalogue: PipelineCatalogue;

beforeAll(async () => {
  p = await startPipeline({ env: { APPROVAL_TIMEOUT_MS: '1000', MAINTENANCE_INTERVAL_MS: '200', RESERVATION_HOLD_TTL_MS: '2000' } });
  catalogue = await arrangeCatalogue(p.db);
}, 60_000);
afterAll(() => p.close());

const usedAt = async (site: Site) => {
  const { rows } = await p.db.query(
    `SELECT dc.used_vcpu AS site_vcpu, t.used_vcpu AS tenant_vcpu, t.used_vms AS tenant_vms
     FROM data_centres dc, tenants t WHERE dc.code = $1 AND t.id = $2`,
    [site.dataCentre, site.tenantId],
  );
  return rows[0];
};
const reservationOf = async (id: string) =>
  (await p.db.query<{ status: string }>(`SELECT status FROM capacity_reservations WHERE request_id = $1`, [id])).rows[0]?.status;

describe('an approval nobody decides', () => {
  it('times out: REJECTED with "approval timed out", the capacity and quota released, each with an event', async () => {
    const site = await arrangeSite(p.db, 'approval');
    await p.db.query(`UPDATE tenants SET segment = 'government' WHERE id = $1`, [site.tenantId]);
    const before = await usedAt(site);
    const res = await p.http.post('/v1/provisioning-requests').send(requestBody(catalogue, site)).expect(202);
    expect(res.body.status).toBe('AWAITING_APPROVAL');
    expect((await usedAt(site)).site_vcpu).toBeGreaterThan(before.site_vcpu);

    const done = await waitForStatus(p.db, res.body.id, ['REJECTED']);
    expect(done.failure).toMatchObject({ reason: 'approval-timed-out', detail: expect.stringContaining('approval timed out') });
    const request = (await p.http.get(`/v1/provisioning-requests/${res.body.id}`).expect(200)).body;
    expect(request.approval).toMatchObject({ decision: 'timed out', by: 'system' });
    expect(await reservationOf(res.body.id)).toBe('released');
    expect(await usedAt(site)).toEqual(before);
    expect((await readEvents(p.db, res.body.id)).map((e) => e.type).slice(-2)).toEqual(['approval-timed-out', 'capacity-released']);
  }, 60_000);
});

describe('a hold whose request stopped moving', () => {
  it('expires: the request is rolled back and the hold released, with a reservation-expired event', async () => {
    const site = await arrangeSite(p.db, 'stalled');
    const before = await usedAt(site);
    // No worker while it is submitted, and its job lost: nothing will move it but the expiry.
    await p.stopWorker();
    const res = await p.http.post('/v1/provisioning-requests').send(requestBody(catalogue, site)).expect(202);
    expect(res.body.status).toBe('PROVISIONING');
    await p.db.query(`DELETE FROM outbox WHERE payload->>'requestId' = $1`, [res.body.id]);
    await p.db.query(`UPDATE provisioning_requests SET updated_at = now() - interval '5 seconds' WHERE id = $1`, [res.body.id]);
    await p.startWorker();

    await waitForStatus(p.db, res.body.id, ['ROLLED_BACK']);
    const types = (await readEvents(p.db, res.body.id)).map((e) => e.type);
    expect(types).toContain('reservation-expired');
    expect(types.indexOf('reservation-expired')).toBeLessThan(types.indexOf('rollback-started'));
    expect(await reservationOf(res.body.id)).toBe('released');
    expect(await usedAt(site)).toEqual(before);
  }, 60_000);

  it('leaves a request that keeps moving alone', async () => {
    const site = await arrangeSite(p.db, 'moving');
    const res = await p.http.post('/v1/provisioning-requests').send(requestBody(catalogue, site)).expect(202);
    await waitForStatus(p.db, res.body.id, ['ACTIVE']);
    expect((await readEvents(p.db, res.body.id)).map((e) => e.type)).not.toContain('reservation-expired');
    expect(await reservationOf(res.body.id)).toBe('committed');
  }, 60_000);
});
