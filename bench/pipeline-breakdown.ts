import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startPipeline } from '../test/support/pipeline-harness.js';
import { TEMPLATE_DATABASE_ENV, dropDatabase } from '../test/support/test-database.js';
import { backendsOf, cpuOf, pidsNamed, spentSince } from './process-cpu.js';
import { inParallel, submissionClient, submitAll } from './submission-client.js';
import { anyOpen, seedBenchWorld } from './pipeline-world.js';

/**
 * Where the pipeline's time goes, one part at a time on one database: submissions with no worker
 * running, bare simulator creates through the partner client, then the execution of the submitted
 * requests by an in-process worker. Each part prints its rate and the CPU it cost per unit in this
 * process, in PostgreSQL and in Redis (read from /proc). BENCH_MARKS=1 also prints each part's
 * start and end on the clock of `node --cpu-prof`, to cut a profile into parts.
 * Submissions go over keep-alive connections to the listening API; BENCH_CLIENT=supertest sends
 * them as the tests do (a new connection each), to compare.
 * Usage: npm run bench:pipeline-breakdown [-- REQUESTS]   (default 1000)
 */

/**
 * Round trips this process starts: PostgreSQL queries and Redis commands (a pipeline counts each
 * command). Unlike CPU they do not depend on what else the machine is doing.
 */
const roundTrips = { postgres: 0, redis: 0 };
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  roundTrips.postgres += 1;
  return (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pgQuery;
const sendCommand = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<typeof sendCommand>) {
  roundTrips.redis += 1;
  return sendCommand.apply(this, args);
};

const backendsOfThisRun = () => backendsOf(pipeline.db);

async function phase(label: string, units: number, unit: string, work: () => Promise<void>): Promise<void> {
  const node0 = process.cpuUsage();
  const redis = pidsNamed('redis-server');
  const pg0 = cpuOf(await backendsOfThisRun());
  const redis0 = cpuOf(redis);
  const trips0 = { ...roundTrips };
  const t0 = performance.now();
  if (process.env.BENCH_MARKS) console.log(`mark start ${label} ${process.hrtime.bigint() / 1000n}`);
  await work();
  const seconds = (performance.now() - t0) / 1000;
  if (process.env.BENCH_MARKS) console.log(`mark end ${label} ${process.hrtime.bigint() / 1000n}`);
  const node = process.cpuUsage(node0);
  const ms = (s: number) => ((s * 1000) / units).toFixed(2);
  console.log(
    `${label}: ${units} ${unit} in ${seconds.toFixed(2)} s = ${(units / seconds).toFixed(0)}/s; CPU ms per ${unit}: ` +
      `node ${ms((node.user + node.system) / 1e6)} (sys ${ms(node.system / 1e6)}), postgres ${ms(spentSince(pg0, await backendsOfThisRun()))}, redis ${ms(spentSince(redis0, redis))}; ` +
      `round trips per ${unit}: postgres ${((roundTrips.postgres - trips0.postgres) / units).toFixed(2)}, redis ${((roundTrips.redis - trips0.redis) / units).toFixed(2)}`,
  );
}

const requests = Number(process.argv[2] ?? 1000);
const template = `cp_bench_test_template_${process.pid}`;
process.env[TEMPLATE_DATABASE_ENV] = template;
const pipeline = await startPipeline({ env: { WORKER_CONCURRENCY: '20', LOG_LEVEL: 'error' }, worker: false, listen: true });
const body = await seedBenchWorld(pipeline.db);
const submit = submissionClient(pipeline, 20);
await phase('submit (no worker)', requests, 'request', () => submitAll(submit, body, requests, 20));
const tenant = body.tenant;
await phase('simulator creates (partner client → simulator)', requests, 'call', () =>
  inParallel(requests, 20, async () => {
    await pipeline.partners.startCreate('china-telecom', 'network', { cidr: '10.1.0.0/16' }, { tenant, request: randomUUID() }, randomUUID());
  }),
);
await phase('execute (in-process worker)', requests * 6, 'step', async () => {
  await pipeline.startWorker();
  while (await anyOpen(pipeline.db)) await new Promise((resolve) => setTimeout(resolve, 100));
});
submit.close();
await pipeline.close();
await dropDatabase(template);
process.exit(0);
