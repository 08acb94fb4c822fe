import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { createPartnerSimApp } from '../../apps/partner-sim/src/create-partner-sim-app.js';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app.js';
import { type AppConfig, loadConfig } from '#libs/core/src/config/app-config.js';
import { type AnyQueue, openQueueConnection } from '#libs/core/src/queues/queue-connection.js';
import { HttpPartnerBackend } from '#libs/partner-client/src/http/http-partner-backend.js';
import { PartnerSimAdminClient } from '#libs/partner-client/src/http/partner-sim-admin.client.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { removeQueues } from '#libs/provisioning/src/execution/jobs/remove-queues.js';
import { createDatabase, dropDatabase, ensureTemplateDatabase, uniqueDatabaseName } from './test-database.js';

/** Fast timings for tests: the rules are the same, only the waits are shorter. */
export const FAST_PIPELINE_ENV: Record<string, string> = {
  OUTBOX_RELAY_INTERVAL_MS: '20',
  STEP_RETRY_BASE_MS: '20',
  STEP_POLL_BASE_MS: '20',
  STEP_POLL_MAX_MS: '200',
};

export interface Pipeline {
  config: AppConfig;
  databaseUrl: string;
  /** The API, with the platform operator's key. */
  http: ReturnType<typeof request.agent>;
  /** With `listen: true`: where the API listens, for a client of its own (keep-alive connections). */
  apiUrl: string | null;
  /** The platform operator's key, for such a client. */
  platformKey: string;
  db: pg.Pool;
  simulatorUrl: string;
  /** The simulator's admin API (profiles, faults, a view of resources that is never flaky). */
  simulator: PartnerSimAdminClient;
  /** The control plane's own partner client, pointed at the simulator. */
  partners: HttpPartnerBackend;
  /** Stops the in-process worker (drains it); the API and simulator go on. */
  stopWorker(): Promise<void>;
  /** Starts an in-process worker again (or a first one). */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface PipelineOptions {
  env?: Record<string, string>;
  /** False: no worker in this process (the crash test runs its own as child processes). */
  worker?: boolean;
  /** True: the API also listens on a port of its own (apiUrl), as a deployment's would. */
  listen?: boolean;
  /** An empty database of the caller's (a bench's embedded PostgreSQL): migrated here and left in place at close. */
  databaseUrl?: string;
}

/**
 * The API, the worker and the partner simulator on a fresh database cloned from the run's
 * migrated template, with a BullMQ prefix of their own so test files never share a queue.
 */
export async function startPipeline(options: PipelineOptions = {}): Promise<Pipeline> {
  const databaseName = options.databaseUrl ? null : uniqueDatabaseName('cp_test_pipeline');
  const databaseUrl = databaseName
    ? await createDatabase(databaseName, await ensureTemplateDatabase(runMigrations))
    : await runMigrations(options.databaseUrl!).then(() => options.databaseUrl!);
  const platformKey = `test-bootstrap-${randomBytes(24).toString('base64url')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    BOOTSTRAP_API_KEY: platformKey,
    RATE_LIMIT_REQUESTS: '100000',
    QUEUE_PREFIX: `{test-${randomUUID().slice(0, 12)}}`,
    ...FAST_PIPELINE_ENV,
    ...options.env,
    DATABASE_URL: databaseUrl,
  });
  const apps: NestExpressApplication[] = [];
  const sim = await createPartnerSimApp(config);
  apps.push(sim);
  await sim.listen(0, '127.0.0.1');
  const simulatorUrl = `http://127.0.0.1:${(sim.getHttpServer().address() as AddressInfo).port}`;
  const api = await createApiApp(config);
  apps.push(api);
  await api.init();
  let apiUrl: string | null = null;
  if (options.listen) {
    await api.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  }
  let worker: NestExpressApplication | null = null;
  const startWorker = async () => {
    worker = await createWorkerApp({ ...config, partnerSimUrl: simulatorUrl });
    await worker.init();
  };
  if (options.worker !== false) await startWorker();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  db.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error('pipeline test pool:', error);
  });
  const stopWorker = async () => {
    await worker?.close();
    worker = null;
  };
  return {
    config,
    databaseUrl,
    http: request.agent(api.getHttpServer()).set('Authorization', `Bearer ${platformKey}`),
    apiUrl,
    platformKey,
    db,
    simulatorUrl,
    simulator: new PartnerSimAdminClient(simulatorUrl),
    partners: new HttpPartnerBackend({ baseUrl: simulatorUrl, timeoutMs: 5000 }),
    stopWorker,
    startWorker,
    async close() {
      await stopWorker();
      for (const app of apps.reverse()) await app.close();
      await db.end();
      await removeQueues(config);
      if (databaseName) await dropDatabase(databaseName);
    },
  };
}

/** One of the pipeline's queues, on the backend its config names, for a test to act on; closed afterwards. */
export async function withQueue<T>(config: AppConfig, name: string, work: (queue: AnyQueue) => Promise<T>): Promise<T> {
  const connection = openQueueConnection(config);
  const queue = connection.queue(name);
  try {
    return await work(queue);
  } finally {
    await queue.close();
    await connection.close();
  }
}
