import 'reflect-metadata';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { openQueueConnection } from '#libs/core/src/queues/queue-connection.js';
import { freePort } from '#libs/runtime/src/free-port.js';
import { PROVISIONING_QUEUE } from '#libs/provisioning/src/persistence/request-journal.js';
import { FAST_PIPELINE_ENV, startPipeline } from '../test/support/pipeline-harness.js';
import { startWorkerProcess, type WorkerProcess } from '../test/support/pipeline-worker-process.js';
import { dropDatabase, TEMPLATE_DATABASE_ENV } from '../test/support/test-database.js';
import { anyOpen, seedBenchWorld } from './pipeline-world.js';
import { backendsOf, cpuOf, pidsNamed, spentSince } from './process-cpu.js';
import { submissionClient, submitAll } from './submission-client.js';
import { measureRawBullmq } from './raw-bullmq-baseline.js';

/**
 * Issue 4's benchmark, both halves in one run on the same Redis and PostgreSQL:
 * (a) raw BullMQ, one PostgreSQL UPDATE per job, and beside it bare steps (a raw job that also
 * calls a stub partner over HTTP and adds its next job: a floor for what a step can cost);
 * (b) the pipeline's steps per second with the simulator at zero latency, in two ways: end to
 * end (the clock runs from the first submission to the last request ACTIVE, submissions and steps
 * sharing the machine), and with the requests accepted first (the clock runs from the worker's
 * start: the steps alone). Prints each and its ratios to (a), measured again before each.
 * Usage: npm run bench:pipeline [-- REQUESTS]   (default 2000)
 */
const requests = Number(process.argv[2] ?? 2000);
// The same for the raw jobs and the pipeline's worker: BENCH_CONCURRENCY to try another.
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const submitInFlight = 20;

type Layout = 'one process' | 'worker in its own process';
type Clock = 'end to end' | 'requests accepted first';

/**
 * 'one process' is `npm start`: API, worker and simulator share one event loop. The other layout
 * runs the worker as its own process, as a deployment would, so the two cores both work.
 */
interface PipelineRun {
  steps: number;
  seconds: number;
  stepsPerSecond: number;
  active: number;
  /** CPU ms per step, on the run's clock: this process (API, simulator, client; the worker too in one process), the worker process, the run's PostgreSQL backends, Redis. */
  cpuPerStep: { here: number; worker: number | null; postgres: number; redis: number };
}

async function measurePipeline(layout: Layout, clock: Clock): Promise<PipelineRun> {
  const env = {
    WORKER_CONCURRENCY: String(concurrency),
    LOG_LEVEL: 'error',
    ...(process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {}),
  };
  const pipeline = await startPipeline({ env, worker: false, listen: true });
  const submit = submissionClient(pipeline, submitInFlight);
  // Not narrowed to null here: startWorker sets it.
  let worker = null as WorkerProcess | null;
  const startWorker = async () => {
    if (layout === 'one process') return pipeline.startWorker();
    const port = await freePort();
    worker = await startWorkerProcess({
      ...FAST_PIPELINE_ENV,
      ...env,
      NODE_ENV: 'test',
      DATABASE_URL: pipeline.databaseUrl,
      REDIS_URL: pipeline.config.redisUrl,
      QUEUE_PREFIX: pipeline.config.worker.queuePrefix,
      PARTNER_SIM_URL: pipeline.simulatorUrl,
      WORKER_PORT: String(port),
    });
    // Its boot is not the pipeline's time: wait until it answers ready.
    while (!(await fetch(`http://127.0.0.1:${port}/health/ready`).then((res) => res.ok, () => false))) {
      if (worker.child.exitCode !== null) throw new Error(`The worker process exited:\n${worker.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  try {
    const { db } = pipeline;
    const body = await seedBenchWorld(db);
    // With the requests accepted first, the queue is held until the last is: the clock then times the steps alone.
    const queues = openQueueConnection(pipeline.config);
    const queue = queues.queue(PROVISIONING_QUEUE);
    if (clock === 'requests accepted first') await queue.pause();
    await startWorker();

    const redis = pidsNamed('redis-server');
    const cpuNow = async () => ({ here: process.cpuUsage(), postgres: cpuOf(await backendsOf(db)), redis: cpuOf(redis), worker: cpuOf(worker ? [worker.child.pid!] : []) });
    let before = await cpuNow();
    // CPU ms spent since `before`, read when the clock stops (before the counts below add their own).
    const cpuSpent = async () => {
      const here = process.cpuUsage(before.here);
      return {
        here: (here.user + here.system) / 1000,
        worker: worker ? spentSince(before.worker, [worker.child.pid!]) * 1000 : null,
        postgres: spentSince(before.postgres, await backendsOf(db)) * 1000,
        redis: spentSince(before.redis, redis) * 1000,
      };
    };
    let started = performance.now();
    await submitAll(submit, body, requests, submitInFlight);
    if (clock === 'requests accepted first') {
      before = await cpuNow();
      started = performance.now();
      await queue.resume();
    }
    await queue.close();
    await queues.close();
    for (;;) {
      if (!(await anyOpen(db))) {
        const seconds = (performance.now() - started) / 1000;
        const cpu = await cpuSpent();
        const { rows } = await db.query<{ steps: string; active: string }>(
          `SELECT (SELECT count(*) FROM request_events WHERE type = 'step-succeeded') AS steps,
                  (SELECT count(*) FROM provisioning_requests WHERE status = 'ACTIVE') AS active`,
        );
        const steps = Number(rows[0].steps);
        return {
          steps,
          seconds,
          stepsPerSecond: steps / seconds,
          active: Number(rows[0].active),
          cpuPerStep: { here: cpu.here / steps, worker: cpu.worker === null ? null : cpu.worker / steps, postgres: cpu.postgres / steps, redis: cpu.redis / steps },
        };
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

const baseline = {
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  databaseUrl: process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  jobs: 20_000,
  concurrency,
  poolSize: loadConfig({ DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE }).databasePoolSize,
};
/**
 * Both baselines, measured again right before each pipeline run: on this machine the same raw
 * run gives anything from 2,400 to 4,100 jobs/s minutes apart, so a baseline from the start of
 * the script would say more about the minute than about the pipeline.
 */
async function measureBaselines() {
  const raw = await measureRawBullmq(baseline);
  console.log(
    `  raw BullMQ (1 UPDATE per job, concurrency ${concurrency}): ${raw.jobs} jobs in ${raw.seconds.toFixed(2)} s = ${raw.jobsPerSecond.toFixed(0)} jobs/s; ` +
      `CPU ms per job: this process ${raw.cpuPerJob.here.toFixed(2)}, postgres ${raw.cpuPerJob.postgres.toFixed(2)}, redis ${raw.cpuPerJob.redis.toFixed(2)}`,
  );
  // Not the target's baseline: a floor for a step, to read the pipeline's ratio against.
  const bare = await measureRawBullmq({ ...baseline, bareSteps: true });
  console.log(
    `  bare steps (raw job + HTTP call to a stub partner doing 1 UPDATE + the job's UPDATE + adding the next job): ${bare.jobs} in ${bare.seconds.toFixed(2)} s = ` +
      `${bare.jobsPerSecond.toFixed(0)}/s; ratio to raw ${(bare.jobsPerSecond / raw.jobsPerSecond).toFixed(3)}; ` +
      `CPU ms per step: this process ${bare.cpuPerJob.here.toFixed(2)}, postgres ${bare.cpuPerJob.postgres.toFixed(2)}, redis ${bare.cpuPerJob.redis.toFixed(2)}`,
  );
  return { raw, bare };
}

for (const [layout, clock] of [
  ['one process', 'end to end'],
  ['worker in its own process', 'end to end'],
  ['one process', 'requests accepted first'],
  ['worker in its own process', 'requests accepted first'],
] as const) {
  const { raw, bare } = await measureBaselines();
  const pipeline = await measurePipeline(layout, clock);
  const cpu = pipeline.cpuPerStep;
  console.log(
    `pipeline, ${layout}, ${clock} (${requests} requests, simulator at zero latency, worker concurrency ${concurrency}): ` +
      `${pipeline.active} ACTIVE, ${pipeline.steps} steps in ${pipeline.seconds.toFixed(2)} s = ${pipeline.stepsPerSecond.toFixed(0)} steps/s; ` +
      `ratio to raw ${(pipeline.stepsPerSecond / raw.jobsPerSecond).toFixed(3)} (target >= 0.5), to bare steps ${(pipeline.stepsPerSecond / bare.jobsPerSecond).toFixed(3)}; CPU ms per step: ` +
      `this process ${cpu.here.toFixed(2)}${cpu.worker === null ? '' : `, worker process ${cpu.worker.toFixed(2)}`}, postgres ${cpu.postgres.toFixed(2)}, redis ${cpu.redis.toFixed(2)}`,
  );
}
await dropDatabase(template);
process.exit(0);
