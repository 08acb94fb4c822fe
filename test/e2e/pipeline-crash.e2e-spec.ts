import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { capacityMismatches, readSteps, waitForStatus } from '../support/pipeline-assertions.js';
import { FAST_PIPELINE_ENV, type Pipeline, startPipeline } from '../support/pipeline-harness.js';
import { buildApps } from '../support/built-apps.js';
import { startWorkerProcess, type WorkerProcess } from '../support/pipeline-worker-process.js';
import { arrangeCatalogue, arrangeSite, type PipelineCatalogue, requestBody, type Site } from '../support/pipeline-world.js';

jest.setTimeout(180_000);

const REQUESTS = 50;
const FINAL = ['ACTIVE', 'ROLLED_BACK', 'FAILED', 'DECOMMISSIONED'];

// One build for both backends: the workers run as processes of their own, from dist/.
beforeAll(() => buildApps());

/**
 * kill -9 of a worker process while 50 requests are in flight: a new worker finishes them all,
 * nothing is created twice at the partner, and the capacity ledger still adds up. On Redis, and
 * on BullMQ's PostgreSQL backend (the embedded default's), where the stalled jobs come back from
 * the database.
 */
describe.each(['redis', 'postgres'] as const)('a worker killed mid-flight, queues on %s', (backend) => {
  let p: Pipeline;
  let catalogue: PipelineCatalogue;
  let site: Site;
  const workers: WorkerProcess[] = [];
  const ids: string[] = [];

  const workerEnv = (): Record<string, string> => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: p.databaseUrl,
    // A process started on its own is told the backend, as the demo tells its worker child.
    QUEUE_BACKEND: backend,
    REDIS_URL: p.config.redisUrl,
    QUEUE_PREFIX: p.config.worker.queuePrefix,
    PARTNER_SIM_URL: p.simulatorUrl,
    // A dead worker's jobs come back after about this long.
    JOB_LOCK_MS: '2000',
    ...FAST_PIPELINE_ENV,
  });

  beforeAll(async () => {
    p = await startPipeline({ worker: false, env: { QUEUE_BACKEND: backend } });
    catalogue = await arrangeCatalogue(p.db);
    site = await arrangeSite(p.db, 'crash');
    // Slow enough that many operations are running when the worker dies, and a little flaky.
    await p.simulator.setProfile(site.partner, { latencyMs: 300, jitterMs: 200, transientFailureRate: 0.05, permanentFailureRate: 0 });
    // A few requests fail for good and roll back while the worker dies, too.
    await p.simulator.addFault(site.partner, { action: 'create', resourceType: 'vm', kind: 'permanent', count: 3 });
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
    await p?.close();
  });

  it('every request reaches a final state after kill -9 and a restart', async () => {
    const first = await startWorkerProcess(workerEnv());
    workers.push(first);
    for (let i = 0; i < REQUESTS; i++) {
      const res = await p.http
        .post('/v1/provisioning-requests')
        .send(requestBody(catalogue, site, { vms: 1 + (i % 3), storageGib: i % 2 ? 50 : 0, hybridLink: i % 4 === 0 }));
      expect(res.status).toBe(202);
      ids.push((res.body as { id: string }).id);
    }
    // In flight: partner operations started and not finished for a good share of the requests.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await p.db.query<{ n: number }>(
        `SELECT count(DISTINCT request_id)::int AS n FROM provisioning_steps WHERE status = 'running' AND name <> 'ensure-tenant-org'`,
      );
      if (rows[0].n >= 10) break;
      if (Date.now() > deadline) throw new Error(`requests never got in flight; worker said: ${first.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const { rows: unfinished } = await p.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM provisioning_requests WHERE id = ANY($1) AND status NOT IN ('ACTIVE', 'ROLLED_BACK', 'FAILED')`,
      [ids],
    );
    expect(unfinished[0].n).toBeGreaterThan(0);

    const second = await startWorkerProcess(workerEnv());
    workers.push(second);
    for (const id of ids) {
      try {
        await waitForStatus(p.db, id, FINAL, 120_000);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nworker said: ${second.output()}`, { cause: error });
      }
    }

    // SIGTERM drains the worker (active jobs finish, the relay stops) and it exits.
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('created nothing twice at the partner', async () => {
    const everything = await p.simulator.inspectResources(site.partner, { state: 'all' });
    const perItem = new Map<string, number>();
    for (const resource of everything) {
      const key = resource.type === 'org' ? `org/${resource.labels.tenant}` : `${resource.labels.request}/${resource.labels.step}/${resource.labels.item}`;
      perItem.set(key, (perItem.get(key) ?? 0) + 1);
    }
    expect([...perItem].filter(([, count]) => count > 1)).toEqual([]);
    // And per idempotency key, as the partner recorded the creates.
    const { rows } = await p.db.query(
      `SELECT idempotency_key, count(DISTINCT resource_id)::int AS resources FROM partner_sim.operations
       WHERE action = 'create' GROUP BY idempotency_key HAVING count(DISTINCT resource_id) > 1`,
    );
    expect(rows).toEqual([]);
  });

  it('leaves each request with exactly what its final state says', async () => {
    for (const id of ids) {
      const { rows } = await p.db.query<{ status: string }>(`SELECT status FROM provisioning_requests WHERE id = $1`, [id]);
      const live = await p.simulator.inspectResources(site.partner, { request: id });
      if (rows[0].status === 'ROLLED_BACK') expect(live).toEqual([]);
      if (rows[0].status === 'ACTIVE') {
        const deployment = await p.db.query(`SELECT resources FROM deployments WHERE request_id = $1`, [id]);
        const recorded = (deployment.rows[0].resources as { id: string; shared: boolean }[]).filter((r) => !r.shared).map((r) => r.id);
        expect(live.map((r) => r.id).sort()).toEqual(recorded.sort());
        expect((await readSteps(p.db, id)).every((s) => s.status === 'succeeded' || s.status === 'skipped')).toBe(true);
      }
    }
  });

  it('keeps the capacity ledger exact: used = held + committed = the sum over live requests', async () => {
    expect(await capacityMismatches(p.db)).toEqual([]);
    const { rows } = await p.db.query(
      `SELECT r.status AS request, c.status AS reservation, count(*)::int AS n
       FROM provisioning_requests r JOIN capacity_reservations c ON c.request_id = r.id WHERE r.id = ANY($1)
       GROUP BY 1, 2`,
      [ids],
    );
    expect(rows.find((row) => row.request === 'ACTIVE')?.n ?? 0).toBeGreaterThan(0);
    // A live request (ACTIVE, or FAILED with leftovers) holds its capacity; a rolled-back one does not.
    for (const row of rows) {
      const expected = row.request === 'ACTIVE' ? 'committed' : row.request === 'FAILED' ? 'held' : 'released';
      expect({ request: row.request, reservation: row.reservation }).toEqual({ request: row.request, reservation: expected });
    }
    const used = await p.db.query(
      `SELECT dc.used_vcpu AS vcpu, dc.used_storage_gib AS storage,
              (SELECT COALESCE(sum((r.demand->>'vcpu')::int), 0) FROM provisioning_requests r
                WHERE r.data_centre_code = dc.code AND r.status IN ('ACTIVE', 'FAILED'))::int AS live_vcpu,
              (SELECT COALESCE(sum((r.demand->>'storageGib')::int), 0) FROM provisioning_requests r
                WHERE r.data_centre_code = dc.code AND r.status IN ('ACTIVE', 'FAILED'))::int AS live_storage
       FROM data_centres dc WHERE dc.code = $1`,
      [site.dataCentre],
    );
    expect(used.rows[0].vcpu).toBe(used.rows[0].live_vcpu);
    expect(used.rows[0].storage).toBe(used.rows[0].live_storage);
  });
});
