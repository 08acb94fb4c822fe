import 'reflect-metadata';
import type { ResolvedInfrastructure } from '#libs/runtime/src/infrastructure.js';
import { resolveInfrastructure } from '#libs/runtime/src/resolve-infrastructure.js';
import { startPipeline } from '../test/support/pipeline-harness.js';
import { dropDatabase, TEMPLATE_DATABASE_ENV } from '../test/support/test-database.js';
import { anyOpen, seedBenchWorld } from './pipeline-world.js';
import { submissionClient, submitAll } from './submission-client.js';

/**
 * Issue 11's benchmark: the pipeline's requests per second to ACTIVE on the embedded default (a
 * PostgreSQL from npm, the queues on BullMQ's PostgreSQL backend in it) against the local
 * PostgreSQL and Redis, the same N requests each, in npm start's layout (API, worker and simulator
 * in one process, the simulator at zero latency). The clock runs from the first submission to the
 * last request ACTIVE. Between them, to tell the two changes apart: the local PostgreSQL with the
 * queues in it. Two rounds, the second in the other order, as this machine's speed drifts.
 * Usage: npm run bench:embedded [-- REQUESTS]   (default 300)
 */
const requests = Number(process.argv[2] ?? 300);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20);
const submitInFlight = 20;

type Setup = 'embedded default' | 'local PostgreSQL, queues in it' | 'PostgreSQL + Redis';

interface Run {
  active: number;
  steps: number;
  seconds: number;
}

/** The embedded default exactly as npm start would pick it with nothing answering: a throwaway cluster on a free port. */
const embeddedDefault = (): Promise<ResolvedInfrastructure> =>
  resolveInfrastructure({
    env: {},
    purpose: 'demo',
    probe: {
      postgres: () => Promise.resolve({ answers: false, detail: 'the benchmark wants the embedded PostgreSQL' }),
      redis: () => Promise.resolve({ answers: false, detail: 'the benchmark wants the queues in PostgreSQL' }),
    },
  });

async function measure(setup: Setup): Promise<Run> {
  const infrastructure = setup === 'embedded default' ? await embeddedDefault() : null;
  const queuesInPostgres = setup !== 'PostgreSQL + Redis';
  const pipeline = await startPipeline({
    env: { WORKER_CONCURRENCY: String(concurrency), LOG_LEVEL: 'error', ...(queuesInPostgres ? { QUEUE_BACKEND: 'postgres' } : {}) },
    listen: true,
    ...(infrastructure ? { databaseUrl: infrastructure.database.url } : {}),
  });
  const submit = submissionClient(pipeline, submitInFlight);
  try {
    const body = await seedBenchWorld(pipeline.db);
    const started = performance.now();
    await submitAll(submit, body, requests, submitInFlight);
    while (await anyOpen(pipeline.db)) await new Promise((resolve) => setTimeout(resolve, 100));
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await pipeline.db.query<{ active: number; steps: number }>(
      `SELECT (SELECT count(*) FROM provisioning_requests WHERE status = 'ACTIVE')::int AS active,
              (SELECT count(*) FROM request_events WHERE type = 'step-succeeded')::int AS steps`,
    );
    return { ...rows[0], seconds };
  } finally {
    submit.close();
    await pipeline.close();
    await infrastructure?.close();
  }
}

// The local half clones a migrated template database, as the e2e tests do; this run makes its own.
const template = `cp_bench_test_template_${process.pid}`;
process.env[TEMPLATE_DATABASE_ENV] = template;

const setups: Setup[] = ['PostgreSQL + Redis', 'local PostgreSQL, queues in it', 'embedded default'];
const totals = Object.fromEntries(setups.map((setup) => [setup, { active: 0, steps: 0, seconds: 0 }])) as Record<Setup, Run>;
const rounds: Setup[][] = [setups, [...setups].reverse()];
for (const [round, order] of rounds.entries()) {
  const perSecond: Partial<Record<Setup, number>> = {};
  for (const setup of order) {
    const run = await measure(setup);
    if (run.active !== requests) throw new Error(`${setup}: ${run.active} of ${requests} requests reached ACTIVE`);
    perSecond[setup] = run.active / run.seconds;
    totals[setup] = { active: totals[setup].active + run.active, steps: totals[setup].steps + run.steps, seconds: totals[setup].seconds + run.seconds };
    console.log(
      `round ${round + 1}, ${setup}: ${run.active} requests ACTIVE (${run.steps} steps) in ${run.seconds.toFixed(2)} s = ` +
        `${perSecond[setup]!.toFixed(1)} requests/s, ${(run.steps / run.seconds).toFixed(0)} steps/s`,
    );
  }
  console.log(`round ${round + 1}: ratio embedded / PostgreSQL + Redis = ${(perSecond['embedded default']! / perSecond['PostgreSQL + Redis']!).toFixed(3)}`);
}
const rate = (setup: Setup) => totals[setup].active / totals[setup].seconds;
console.log(
  `both rounds (${requests} requests per run, worker concurrency ${concurrency}): ` +
    setups.map((setup) => `${setup} ${rate(setup).toFixed(1)} requests/s`).join(', ') +
    `; ratio embedded default / PostgreSQL + Redis ${(rate('embedded default') / rate('PostgreSQL + Redis')).toFixed(3)}` +
    ` (queues in the local PostgreSQL / PostgreSQL + Redis ${(rate('local PostgreSQL, queues in it') / rate('PostgreSQL + Redis')).toFixed(3)})`,
);
await dropDatabase(template);
process.exit(0);
