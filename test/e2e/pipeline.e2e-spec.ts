import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { IAAS_STEPS } from '#libs/provisioning/src/domain/iaas-steps.js';
import { ADVANCE_REQUEST_JOB, PROVISIONING_QUEUE } from '#libs/provisioning/src/persistence/request-journal.js';
import {
  capacityMismatches,
  capacityOf,
  listedResourcesOf,
  liveResourcesOf,
  readEvents,
  readRequest,
  readSteps,
  waitForStatus,
  waitForStep,
} from '../support/pipeline-assertions.js';
import { type ConnectionWitness, connectionWitness } from '../support/connection-witness.js';
import { type Pipeline, startPipeline, withQueue } from '../support/pipeline-harness.js';
import { arrangeCatalogue, arrangeSite, type PipelineCatalogue, type RequestShape, requestBody, type Site } from '../support/pipeline-world.js';

jest.setTimeout(120_000);

const PARTNER_STEPS = ['ensure-tenant-org', 'create-network', 'create-volumes', 'create-vms', 'create-hybrid-link', 'power-on'];

// The same pipeline on both queue backends: Redis, and BullMQ's PostgreSQL backend (the embedded default's).
describe.each(['redis', 'postgres'] as const)('provisioning pipeline (API + worker + partner simulator), queues on %s', (backend) => {
  let p: Pipeline;
  let catalogue: PipelineCatalogue;
  // On PostgreSQL, REDIS_URL points at a witness: nothing may even connect to it.
  let witness: ConnectionWitness | undefined;

  beforeAll(async () => {
    witness = backend === 'postgres' ? await connectionWitness() : undefined;
    // Generous attempts: the flaky-partner case must not exhaust them by bad luck.
    // A short stall threshold, so the lost-job case below does not wait five minutes.
    p = await startPipeline({
      env: { STEP_MAX_ATTEMPTS: '12', REQUEST_STALL_MS: '2000', QUEUE_BACKEND: backend, ...(witness ? { REDIS_URL: witness.redisUrl } : {}) },
    });
    catalogue = await arrangeCatalogue(p.db);
  });
  afterAll(async () => {
    await p?.close();
    await witness?.close();
  });

  const submit = async (site: Site, shape: RequestShape = {}): Promise<string> => {
    const res = await p.http.post('/v1/provisioning-requests').send(requestBody(catalogue, site, shape));
    expect(res.status).toBe(202);
    return (res.body as { id: string }).id;
  };

  const expectNothingLeftAt = async (site: Site, requestId: string): Promise<void> => {
    expect(await liveResourcesOf(p.simulator, site.partner, requestId)).toEqual([]);
    expect(await listedResourcesOf(p.partners, site.partner, requestId)).toEqual([]);
  };

  const expectCapacityReleased = async (site: Site, requestId: string): Promise<void> => {
    expect(await capacityOf(p.db, site.dataCentre, requestId)).toEqual({
      used: { vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 0 },
      reservation: 'released',
    });
    expect(await capacityMismatches(p.db)).toEqual([]);
  };

  describe('a request that goes through', () => {
    let site: Site;
    let id: string;

    beforeAll(async () => {
      site = await arrangeSite(p.db, 'happy');
      id = await submit(site, { vms: 2, storageGib: 100, hybridLink: true });
      await waitForStatus(p.db, id, ['ACTIVE', 'ROLLED_BACK', 'FAILED']);
    });

    it('reaches ACTIVE, every step succeeded once, in order', async () => {
      expect((await readRequest(p.db, id)).status).toBe('ACTIVE');
      const steps = await readSteps(p.db, id);
      expect(steps.map((s) => s.name)).toEqual([...IAAS_STEPS]);
      for (const step of steps) {
        expect({ step: step.name, status: step.status, attempts: step.attempts, error: step.last_error }).toEqual({
          step: step.name,
          status: 'succeeded',
          attempts: 1,
          error: null,
        });
        expect(step.started_at).not.toBeNull();
        expect(step.finished_at!.getTime()).toBeGreaterThanOrEqual(step.started_at!.getTime());
      }
      const itemsOf = (name: string) => steps.find((s) => s.name === name)!.items;
      expect(itemsOf('create-vms').map((i) => i.key)).toEqual(['vm-0', 'vm-1']);
      expect(itemsOf('create-volumes').map((i) => i.key)).toEqual(['volume-0']);
      expect(itemsOf('power-on').map((i) => i.resourceId)).toEqual(itemsOf('create-vms').map((i) => i.resourceId));
      for (const name of PARTNER_STEPS) {
        for (const item of itemsOf(name)) expect(item).toMatchObject({ status: 'succeeded', resourceId: expect.any(String) });
      }
    });

    it('records every step in the event log, in order', async () => {
      const types = (await readEvents(p.db, id)).map((e) => (e.data.step ? `${e.type}:${e.data.step as string}` : e.type));
      expect(types).toEqual([
        'submitted',
        'policy-decided',
        'placed',
        'capacity-reserved',
        ...IAAS_STEPS.slice(1).flatMap((step) => [`step-started:${step}`, `step-succeeded:${step}`]),
        'request-active',
      ]);
    });

    it('commits the reservation and records a deployment listing every partner resource', async () => {
      expect((await capacityOf(p.db, site.dataCentre, id)).reservation).toBe('committed');
      expect(await capacityMismatches(p.db)).toEqual([]);
      const { rows } = await p.db.query(`SELECT id, status, resources FROM deployments WHERE request_id = $1`, [id]);
      expect(rows).toHaveLength(1);
      const resources = rows[0].resources as { type: string; id: string; step: string; shared: boolean }[];
      expect(resources.map((r) => `${r.step}/${r.type}`).sort()).toEqual(
        ['create-hybrid-link/vpn-link', 'create-network/network', 'create-vms/vm', 'create-vms/vm', 'create-volumes/volume', 'ensure-tenant-org/org'].sort(),
      );
      const live = await liveResourcesOf(p.simulator, site.partner, id);
      expect(live.map((r) => r.id).sort()).toEqual(resources.filter((r) => !r.shared).map((r) => r.id).sort());
      expect(live.filter((r) => r.type === 'vm').map((r) => r.power)).toEqual(['on', 'on']);
      const deployment = await p.http.get(`/v1/deployments/${rows[0].id as string}`).expect(200);
      expect(deployment.body).toMatchObject({ id: rows[0].id, status: 'active' });
      const request = await p.http.get(`/v1/provisioning-requests/${id}`).expect(200);
      expect(request.body).toMatchObject({ id, status: 'ACTIVE' });
    });

    it("reuses the tenant's org for the tenant's next request", async () => {
      const second = await submit(site, { vms: 1, storageGib: 0, hybridLink: false });
      await waitForStatus(p.db, second, ['ACTIVE', 'ROLLED_BACK', 'FAILED']);
      const orgOf = async (request: string) => (await readSteps(p.db, request)).find((s) => s.name === 'ensure-tenant-org')!.items[0].resourceId;
      expect(await orgOf(second)).toBe(await orgOf(id));
      const steps = await readSteps(p.db, second);
      expect(steps.find((s) => s.name === 'create-hybrid-link')!.status).toBe('skipped');
      expect(steps.find((s) => s.name === 'create-volumes')).toMatchObject({ status: 'succeeded', items: [] });
      expect((await readRequest(p.db, second)).status).toBe('ACTIVE');
    });

    it('ignores stale and duplicate jobs: nothing changes', async () => {
      const before = await readRequest(p.db, id);
      const eventsBefore = await readEvents(p.db, id);
      await withQueue(p.config, PROVISIONING_QUEUE, async (queue) => {
        const jobs = await queue.addBulk(
          [0, 1, 2, before.version - 1, before.version].map((version) => ({
            name: ADVANCE_REQUEST_JOB,
            data: { requestId: id, version },
            opts: { jobId: `${id}.${version}.replayed` },
          })),
        );
        const deadline = Date.now() + 20_000;
        while (!(await Promise.all(jobs.map((job) => queue.getJobState(job.id!)))).every((state) => state === 'completed' || state === 'unknown')) {
          if (Date.now() > deadline) throw new Error('replayed jobs did not run');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      expect(await readRequest(p.db, id)).toEqual(before);
      expect(await readEvents(p.db, id)).toEqual(eventsBefore);
    });

    it('decommissions: resources deleted in reverse order, capacity released, DECOMMISSIONED', async () => {
      const { rows } = await p.db.query(`SELECT id FROM deployments WHERE request_id = $1`, [id]);
      await p.http.post(`/v1/deployments/${rows[0].id as string}/decommission`).expect(202);
      await waitForStatus(p.db, id, ['DECOMMISSIONED', 'FAILED']);
      expect((await readRequest(p.db, id)).status).toBe('DECOMMISSIONED');
      await expectNothingLeftAt(site, id);
      const mine = await capacityOf(p.db, site.dataCentre, id);
      expect(mine.reservation).toBe('released');
      expect(await capacityMismatches(p.db)).toEqual([]);
      const deployment = await p.db.query(`SELECT status FROM deployments WHERE request_id = $1`, [id]);
      expect(deployment.rows[0].status).toBe('decommissioned');
      const undone = (await readEvents(p.db, id)).filter((e) => e.type === 'compensation-succeeded' && !e.data.nothingToUndo).map((e) => e.data.step);
      expect(undone).toEqual(['create-hybrid-link', 'create-vms', 'create-volumes', 'create-network']);
      // The org is the tenant's: its other deployment still uses it.
      expect((await p.simulator.inspectResources(site.partner, { tenant: site.tenantId, type: 'org' })).length).toBe(1);
    });
  });

  describe('a flaky partner', () => {
    it('still gets the request ACTIVE, with the failed attempts recorded', async () => {
      const site = await arrangeSite(p.db, 'flaky');
      // Deterministic: both VM creates are throttled once (Retry-After honoured), then the network's outage.
      await p.simulator.addFault(site.partner, { action: 'create', resourceType: 'vm', kind: 'transient', count: 2, httpStatus: 429, retryAfterSeconds: 1 });
      await p.simulator.addFault(site.partner, { action: 'create', resourceType: 'network', kind: 'transient', count: 1, httpStatus: 503 });
      const id = await submit(site);
      await waitForStatus(p.db, id, ['ACTIVE', 'ROLLED_BACK', 'FAILED']);
      expect((await readRequest(p.db, id)).status).toBe('ACTIVE');
      const steps = await readSteps(p.db, id);
      expect(steps.find((s) => s.name === 'create-network')!.attempts).toBe(2);
      expect(steps.find((s) => s.name === 'create-vms')!.attempts).toBeGreaterThanOrEqual(2);
      const failures = (await readEvents(p.db, id)).filter((e) => e.type === 'step-attempt-failed');
      expect(failures.map((e) => e.data.step)).toEqual(expect.arrayContaining(['create-network', 'create-vms']));
      const throttled = failures.find((e) => e.data.step === 'create-vms')!;
      expect(throttled.data).toMatchObject({ attempt: 1, error: expect.stringContaining('429') });
      expect(throttled.data.nextDelayMs as number).toBeGreaterThanOrEqual(1000);
    });

    it('gets through a partner that refuses a share of all calls at random', async () => {
      const site = await arrangeSite(p.db, 'random');
      await p.simulator.setProfile(site.partner, { latencyMs: 20, jitterMs: 10, transientFailureRate: 0.2, permanentFailureRate: 0 });
      const ids = await Promise.all([submit(site), submit(site, { vms: 3, hybridLink: false })]);
      for (const id of ids) expect((await waitForStatus(p.db, id, ['ACTIVE', 'ROLLED_BACK', 'FAILED'], 90_000)).status).toBe('ACTIVE');
    });
  });

  describe('a permanent failure at each partner step in turn', () => {
    const failing: { step: string; fault: Parameters<Pipeline['simulator']['addFault']>[1] }[] = [
      { step: 'ensure-tenant-org', fault: { action: 'create', resourceType: 'org', kind: 'permanent', count: 1 } },
      { step: 'create-network', fault: { action: 'create', resourceType: 'network', kind: 'permanent', count: 1 } },
      { step: 'create-volumes', fault: { action: 'create', resourceType: 'volume', kind: 'permanent', count: 1 } },
      { step: 'create-vms', fault: { action: 'create', resourceType: 'vm', kind: 'permanent', count: 1 } },
      { step: 'create-hybrid-link', fault: { action: 'create', resourceType: 'vpn-link', kind: 'permanent', count: 1 } },
      { step: 'power-on', fault: { action: 'power-on', resourceType: 'vm', kind: 'permanent', count: 1 } },
    ];

    it.each(failing)('$step fails for good → ROLLED_BACK, nothing left at the partner, capacity released', async ({ step, fault }) => {
      const site = await arrangeSite(p.db, 'fail');
      await p.simulator.addFault(site.partner, fault);
      const id = await submit(site, { vms: 2, storageGib: 100, hybridLink: true });
      await waitForStatus(p.db, id, ['ROLLED_BACK', 'FAILED', 'ACTIVE']);
      expect((await readRequest(p.db, id)).status).toBe('ROLLED_BACK');

      const steps = await readSteps(p.db, id);
      const failed = steps.find((s) => s.name === step)!;
      expect(failed.last_error).toEqual(expect.any(String));
      const position = IAAS_STEPS.indexOf(step as (typeof IAAS_STEPS)[number]);
      for (const s of steps) {
        const at = IAAS_STEPS.indexOf(s.name as (typeof IAAS_STEPS)[number]);
        // Before the failure: undone; the failed one: undone too (its items may have made something); after: never run.
        if (at > position) expect(s.status).toBe('pending');
        else expect(s.status).toBe('compensated');
      }
      const events = (await readEvents(p.db, id)).map((e) => e.type);
      expect(events).toEqual(expect.arrayContaining(['step-failed', 'rollback-started', 'capacity-released', 'request-rolled-back']));
      expect(events.indexOf('step-failed')).toBeLessThan(events.indexOf('rollback-started'));
      expect(events.at(-1)).toBe('request-rolled-back');

      await expectNothingLeftAt(site, id);
      await expectCapacityReleased(site, id);
    });
  });

  it("a tenant whose org failed to be made gets one on its next request", async () => {
    const site = await arrangeSite(p.db, 'org-retry');
    await p.simulator.addFault(site.partner, { action: 'create', resourceType: 'org', kind: 'permanent', count: 1 });
    const first = await submit(site, { vms: 1, hybridLink: false });
    expect((await waitForStatus(p.db, first, ['ROLLED_BACK', 'FAILED', 'ACTIVE'])).status).toBe('ROLLED_BACK');
    const second = await submit(site, { vms: 1, hybridLink: false });
    expect((await waitForStatus(p.db, second, ['ROLLED_BACK', 'FAILED', 'ACTIVE'])).status).toBe('ACTIVE');
    const orgs = await p.simulator.inspectResources(site.partner, { tenant: site.tenantId, type: 'org' });
    expect(orgs).toHaveLength(1);
  });

  it('cancel mid-flight stops the steps and rolls back what was done', async () => {
    const site = await arrangeSite(p.db, 'cancel');
    await p.simulator.setProfile(site.partner, { latencyMs: 300, jitterMs: 0, transientFailureRate: 0, permanentFailureRate: 0 });
    const id = await submit(site);
    await waitForStep(p.db, id, 'create-network', ['running']);
    await p.http.post(`/v1/provisioning-requests/${id}/cancel`).expect(202);
    await waitForStatus(p.db, id, ['ROLLED_BACK', 'FAILED', 'ACTIVE']);
    expect((await readRequest(p.db, id)).status).toBe('ROLLED_BACK');
    const steps = await readSteps(p.db, id);
    expect(steps.find((s) => s.name === 'power-on')!.status).toBe('pending');
    const events = await readEvents(p.db, id);
    expect(events.find((e) => e.type === 'rollback-started')!.data).toMatchObject({ reason: expect.stringMatching(/cancel/i) });
    await expectNothingLeftAt(site, id);
    await expectCapacityReleased(site, id);
  });

  it('an undo that cannot finish ends FAILED, listing the leftovers and keeping the capacity held', async () => {
    const site = await arrangeSite(p.db, 'leftover');
    await p.simulator.addFault(site.partner, { action: 'create', resourceType: 'vm', kind: 'permanent', count: 1 });
    await p.simulator.addFault(site.partner, { action: 'delete', resourceType: 'network', kind: 'permanent', count: 1 });
    const id = await submit(site, { vms: 1, hybridLink: false });
    const final = await waitForStatus(p.db, id, ['ROLLED_BACK', 'FAILED', 'ACTIVE']);
    expect(final.status).toBe('FAILED');
    const network = (await readSteps(p.db, id)).find((s) => s.name === 'create-network')!;
    expect(network.status).toBe('compensation-failed');
    expect(final.failure).toMatchObject({
      reason: expect.stringMatching(/could not delete 1 partner resource/),
      leftovers: [{ partner: site.partner, type: 'network', resourceId: network.items[0].resourceId }],
    });
    const live = await liveResourcesOf(p.simulator, site.partner, id);
    expect(live.map((r) => r.type)).toEqual(['network']);
    expect((await capacityOf(p.db, site.dataCentre, id)).reservation).toBe('held');
    expect(await capacityMismatches(p.db)).toEqual([]);
  });
  // Last: it stops and restarts the worker.
  it('a request whose job the queue lost is scheduled again from PostgreSQL and finishes', async () => {
    const site = await arrangeSite(p.db, 'lost-job');
    await p.simulator.setProfile(site.partner, { latencyMs: 200, jitterMs: 0, transientFailureRate: 0, permanentFailureRate: 0 });
    const id = await submit(site, { vms: 1, hybridLink: false });
    await waitForStep(p.db, id, 'create-network', ['running']);
    await p.stopWorker();
    // Every job gone from the queue, every outbox row already moved: nothing left to run the request.
    await withQueue(p.config, PROVISIONING_QUEUE, (queue) => queue.drain(true));
    await p.db.query(`UPDATE outbox SET dispatched_at = now() WHERE dispatched_at IS NULL`);
    expect((await readRequest(p.db, id)).status).toBe('PROVISIONING');
    await p.startWorker();
    expect((await waitForStatus(p.db, id, ['ACTIVE', 'ROLLED_BACK', 'FAILED'])).status).toBe('ACTIVE');
  });

  if (backend === 'postgres') {
    it("keeps its jobs in the database's bullmq schema and never connected to Redis", async () => {
      const { rows } = await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM bullmq.job WHERE queue = $1`, [PROVISIONING_QUEUE]);
      expect(rows[0].n).toBeGreaterThan(0);
      expect(witness!.connections()).toBe(0);
    });
  }
});
