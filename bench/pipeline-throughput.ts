import 'reflect-metadata';
import { FAST_PIPELINE_ENV, startPipeline } from '../test/support/pipeline-harness.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/pipeline-worker-process.js';
import { dropDatabase, TEMPLATE_DATABASE_ENV } from '../test/support/test-database.js';
import { seedBenchWorld } from './pipeline-world.js';
import { submissionClient } from './submission-client.js';
import { measureRawBullmq } from './raw-bullmq-baseline.js';

/**
 * Issue 4's benchmark, both halves in one run on the same Redis and PostgreSQL:
 * (a) raw BullMQ, one PostgreSQL UPDATE per job; (b) the pipeline's steps per second end to end,
 * submit to ACTIVE, with the simulator at zero latency. Prints both and their ratio.
 * Usage: npm run bench:pipeline [-- REQUESTS]   (default 2000)
 */
const requests = Number(process.argv[2] ?? 2000);
const concurrency = 20;
const submitInFlight = 20;

type Layout = 'one process' | 'worker in its own process';

/**
 * 'one process' is `npm start`: API, worker and simulator share one event loop. The other layout
 * runs the worker as its own process, as a deployment would, so the two cores both work.
 */
async function measurePipeline(layout: Layout): Promise<{ steps: number; seconds: number; stepsPerSecond: number; active: number }> {
  const env = { WORKER_CONCURRENCY: String(concurrency), LOG_LEVEL: 'error' };
  const pipeline = await startPipeline({ env, worker: layout === 'one process', listen: true });
  const submit = submissionClient(pipeline, submitInFlight);
  let worker: WorkerProcess | null = null;
  try {
    if (layout !== 'one process') {
      worker = await startWorkerProcess({
        ...FAST_PIPELINE_ENV,
        ...env,
        NODE_ENV: 'test',
        DATABASE_URL: pipeline.databaseUrl,
        REDIS_URL: pipeline.config.redisUrl,
        QUEUE_PREFIX: pipeline.config.worker.queuePrefix,
        PARTNER_SIM_URL: pipeline.simulatorUrl,
      });
    }
    const { db } = pipeline;
    const body = await seedBenchWorld(db);

    const started = performance.now();
    let next = 0;
    const submitters = Array.from({ length: submitInFlight }, async () => {
      while (next < requests) {
        next += 1;
        const res = await submit(body);
        if (res.status !== 202) throw new Error(`submission answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
    });
    await Promise.all(submitters);
    for (;;) {
      const { rows } = await db.query<{ open: string; active: string }>(
        `SELECT count(*) FILTER (WHERE status NOT IN ('ACTIVE', 'ROLLED_BACK', 'FAILED', 'REJECTED')) AS open,
                count(*) FILTER (WHERE status = 'ACTIVE') AS active FROM provisioning_requests`,
      );
      if (Number(rows[0].open) === 0) {
        const seconds = (performance.now() - started) / 1000;
        const { rows: steps } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM request_events WHERE type = 'step-succeeded'`);
        return { steps: Number(steps[0].n), seconds, stepsPerSecond: Number(steps[0].n) / seconds, active: Number(rows[0].active) };
      }
      if (worker && worker.child.exitCode !== null) throw new Error(`The worker process exited:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    submit.close();
    if (worker) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await pipeline.close();
  }
}

// The pipeline harness clones a migrated template database, as the e2e tests do; this run makes its own.
const template = `cp_bench_test_template_${process.pid}`;
process.env[TEMPLATE_DATABASE_ENV] = template;

const raw = await measureRawBullmq({
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  databaseUrl: process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  jobs: 20_000,
  concurrency,
});
console.log(`raw BullMQ (1 UPDATE per job, concurrency ${concurrency}): ${raw.jobs} jobs in ${raw.seconds.toFixed(2)} s = ${raw.jobsPerSecond.toFixed(0)} jobs/s`);
for (const layout of ['one process', 'worker in its own process'] as const) {
  const pipeline = await measurePipeline(layout);
  console.log(
    `pipeline, ${layout} (${requests} requests, simulator at zero latency, worker concurrency ${concurrency}): ` +
      `${pipeline.active} ACTIVE, ${pipeline.steps} steps in ${pipeline.seconds.toFixed(2)} s = ${pipeline.stepsPerSecond.toFixed(0)} steps/s; ` +
      `ratio to raw ${(pipeline.stepsPerSecond / raw.jobsPerSecond).toFixed(3)} (target >= 0.5)`,
  );
}
await dropDatabase(template);
process.exit(0);
