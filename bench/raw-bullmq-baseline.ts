import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { backendsOf, cpuOf, pidsNamed, spentSince } from './process-cpu.js';

/**
 * The baseline the pipeline is measured against, on the same Redis and PostgreSQL in the same run:
 * plain BullMQ jobs that each do one PostgreSQL UPDATE, nothing else.
 */
export interface BaselineResult {
  jobs: number;
  seconds: number;
  jobsPerSecond: number;
  /** CPU ms per job: this process, its PostgreSQL backends, Redis. */
  cpuPerJob: { here: number; postgres: number; redis: number };
}

export async function measureRawBullmq(options: {
  redisUrl: string;
  databaseUrl: string;
  jobs: number;
  concurrency: number;
  /** The pipeline's processes' pool size, so both halves talk to PostgreSQL alike. */
  poolSize: number;
}): Promise<BaselineResult> {
  const prefix = `{bench-raw-${process.pid}-${Date.now()}}`;
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  // A real table, so every pooled connection sees it.
  await db.query(`CREATE TABLE IF NOT EXISTS bench_raw_counter (id int PRIMARY KEY, n bigint NOT NULL)`);
  await db.query(`INSERT INTO bench_raw_counter VALUES (1, 0), (2, 0), (3, 0), (4, 0) ON CONFLICT (id) DO UPDATE SET n = 0`);
  const queue = new Queue('raw', { connection, prefix });
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const worker = new Worker(
    'raw',
    async (job) => {
      await db.query(`UPDATE bench_raw_counter SET n = n + 1 WHERE id = $1`, [(job.data as { i: number }).i % 4 + 1]);
    },
    { connection: new Redis(options.redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: options.concurrency, autorun: false },
  );
  worker.on('completed', () => {
    if (++done === options.jobs) finish();
  });
  for (let i = 0; i < options.jobs; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, options.jobs - i) }, (_, k) => ({ name: 'update', data: { i: i + k } })),
    );
  }
  const redis = pidsNamed('redis-server');
  const before = { here: process.cpuUsage(), postgres: cpuOf(await backendsOf(db)), redis: cpuOf(redis) };
  const started = performance.now();
  void worker.run();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  const here = process.cpuUsage(before.here);
  const perJob = (spent: number) => (spent * 1000) / options.jobs;
  const cpuPerJob = {
    here: perJob((here.user + here.system) / 1e6),
    postgres: perJob(spentSince(before.postgres, await backendsOf(db))),
    redis: perJob(spentSince(before.redis, redis)),
  };
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  await db.query(`DROP TABLE IF EXISTS bench_raw_counter`);
  await db.end();
  return { jobs: options.jobs, seconds, jobsPerSecond: options.jobs / seconds, cpuPerJob };
}
