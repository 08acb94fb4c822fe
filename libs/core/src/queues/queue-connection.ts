import { createPostgresBackend, type IQueueBackend, type Processor, Queue, type QueueOptions, runMigrations, Worker, type WorkerOptions } from 'bullmq';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';

/** The schema BullMQ's PostgreSQL backend keeps its tables and functions in, in DATABASE_URL's database. */
export const QUEUE_SCHEMA = 'bullmq';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- job payloads are typed by the job registry, not here
export type AnyQueue = Queue<any, any, string, any, any, string, IQueueBackend, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export type AnyWorker = Worker<any, any, string, IQueueBackend, any, any>;
export type QueueSettings = Omit<QueueOptions, 'connection' | 'prefix'>;
export type WorkerSettings = Omit<WorkerOptions, 'connection' | 'prefix'>;

/**
 * Where this process's BullMQ queues live (QUEUE_BACKEND): every Queue and Worker is opened
 * here, so the rest of the code never names Redis or PostgreSQL.
 */
export interface QueueConnection {
  readonly backend: AppConfig['queueBackend'];
  /** Creates or upgrades the backend's own schema (PostgreSQL); call before the first queue is used. */
  prepare(): Promise<void>;
  queue(name: string, settings?: QueueSettings): AnyQueue;
  worker(name: string, processor: Processor, settings?: WorkerSettings): AnyWorker;
  /** Releases what the connection holds; after every queue and worker opened here is closed. */
  close(): Promise<void>;
}

export interface QueueConnectionOptions {
  /** How many workers will be opened: on PostgreSQL each holds one connection for LISTEN. */
  workers?: number;
}

export function openQueueConnection(config: AppConfig, options: QueueConnectionOptions = {}): QueueConnection {
  return config.queueBackend === 'postgres' ? postgresQueues(config, options.workers ?? 0) : redisQueues(config);
}

/** Each queue and worker opens its own Redis connections, as BullMQ does by default. */
function redisQueues(config: AppConfig): QueueConnection {
  const prefix = config.worker.queuePrefix;
  return {
    backend: 'redis',
    prepare: () => Promise.resolve(),
    queue: (name, settings = {}) => new Queue(name, { ...settings, connection: { url: config.redisUrl }, prefix }),
    // Workers block on Redis: a command must wait for a reconnect rather than fail.
    worker: (name, processor, settings = {}) =>
      new Worker(name, processor, { ...settings, connection: { url: config.redisUrl, maxRetriesPerRequest: null }, prefix }),
    close: () => Promise.resolve(),
  };
}

/**
 * BullMQ's PostgreSQL backend, every queue and worker of the process on one pool: by default
 * each would open a pool of its own, and a worker a LISTEN connection besides.
 * The pool's connections are pinned to the schema, which the backend's SQL leaves unqualified;
 * QUEUE_PREFIX means nothing here, the database and schema are the namespace.
 */
function postgresQueues(config: AppConfig, workers: number): QueueConnection {
  let pool: pg.Pool | null = null;
  const shared = (): pg.Pool => {
    if (!pool) {
      pool = new pg.Pool({
        connectionString: config.databaseUrl,
        // DATABASE_POOL_SIZE for the queries, plus the LISTEN connection each worker keeps.
        max: config.databasePoolSize + workers,
        options: `-c search_path=${QUEUE_SCHEMA}`,
        // Lets a worker block on LISTEN for long: a dropped connection is then noticed.
        keepAlive: true,
      });
      // An idle connection the server drops must not take the process down; the next query reconnects.
      pool.on('error', () => undefined);
    }
    return pool;
  };
  return {
    backend: 'postgres',
    async prepare() {
      const client = new pg.Client({ connectionString: config.databaseUrl });
      await client.connect();
      try {
        await runMigrations(client, QUEUE_SCHEMA);
      } finally {
        await client.end();
      }
    },
    queue: (name, settings = {}) => new Queue(name, { ...settings, connection: shared() }, createPostgresBackend),
    worker: (name, processor, settings = {}) => new Worker(name, processor, { ...settings, connection: shared() }, createPostgresBackend),
    async close() {
      await pool?.end();
      pool = null;
    },
  };
}
