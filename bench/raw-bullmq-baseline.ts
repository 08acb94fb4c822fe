import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { KeepAliveJsonClient } from './keep-alive-json-client.js';
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
  /**
   * A step's bare parts instead of the plain job: each job also calls a stub partner over HTTP
   * (keep-alive; the stub does an UPDATE of its own) and adds the next job of its chain, six to
   * a chain as six steps to a request. What a step costs before any of the pipeline's own work.
   */
  bareSteps?: boolean;
}): Promise<BaselineResult> {
  const prefix = `{bench-raw-${process.pid}-${Date.now()}}`;
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
  // A real table, so every pooled connection sees it.
  await db.query(`CREATE TABLE IF NOT EXISTS bench_raw_counter (id int PRIMARY KEY, n bigint NOT NULL)`);
  await db.query(`INSERT INTO bench_raw_counter VALUES (1, 0), (2, 0), (3, 0), (4, 0) ON CONFLICT (id) DO UPDATE SET n = 0`);
  const queue = new Queue('raw', { connection, prefix });
  const partner = options.bareSteps ? await startStubPartner(db, options.concurrency) : null;
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const worker = new Worker(
    'raw',
    async (job) => {
      const { i, n } = job.data as { i: number; n: number };
      if (partner) await partner.call(i);
      await db.query(`UPDATE bench_raw_counter SET n = n + 1 WHERE id = $1`, [i % 4 + 1]);
      if (partner && n + 1 < STEPS_PER_CHAIN) await queue.add('update', { i, n: n + 1 });
    },
    { connection: new Redis(options.redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency: options.concurrency, autorun: false },
  );
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  // Chains of bare steps start with their first job; the rest are added on the clock.
  const firstJobs = partner ? Math.ceil(options.jobs / STEPS_PER_CHAIN) : options.jobs;
  for (let i = 0; i < firstJobs; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, firstJobs - i) }, (_, k) => ({ name: 'update', data: { i: i + k, n: 0 } })),
    );
  }
  const jobs = partner ? firstJobs * STEPS_PER_CHAIN : options.jobs;
  const redis = pidsNamed('redis-server');
  const before = { here: process.cpuUsage(), postgres: cpuOf(await backendsOf(db)), redis: cpuOf(redis) };
  const started = performance.now();
  void worker.run();
  await finished;
  const seconds = (performance.now() - started) / 1000;
  const here = process.cpuUsage(before.here);
  const perJob = (spent: number) => (spent * 1000) / jobs;
  const cpuPerJob = {
    here: perJob((here.user + here.system) / 1e6),
    postgres: perJob(spentSince(before.postgres, await backendsOf(db))),
    redis: perJob(spentSince(before.redis, redis)),
  };
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  await partner?.close();
  await db.query(`DROP TABLE IF EXISTS bench_raw_counter`);
  await db.end();
  return { jobs, seconds, jobsPerSecond: jobs / seconds, cpuPerJob };
}

const STEPS_PER_CHAIN = 6;

/** A partner with nothing but one UPDATE per call, answered over node:http; called over kept-alive connections. */
async function startStubPartner(db: pg.Pool, connections: number): Promise<{ call(i: number): Promise<void>; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const { i } = JSON.parse(body) as { i: number };
      db.query(`UPDATE bench_raw_counter SET n = n + 1 WHERE id = $1`, [(i % 4) + 5]).then(
        () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `op-${i}`, status: 'succeeded' })),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await db.query(`INSERT INTO bench_raw_counter VALUES (5, 0), (6, 0), (7, 0), (8, 0) ON CONFLICT (id) DO UPDATE SET n = 0`);
  const client = new KeepAliveJsonClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, {}, connections);
  return {
    call: async (i) => {
      const { status } = await client.post('/resources', { i });
      if (status !== 201) throw new Error(`stub answered ${status}`);
    },
    close: async () => {
      client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
