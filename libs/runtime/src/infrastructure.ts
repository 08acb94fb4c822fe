import type { Probes } from './probes.js';
import type { EmbeddedPostgres, EmbeddedPostgresOptions } from './embedded-postgres/embedded-postgres.js';

/** `start`: npm start, data kept under .data/ on a fixed port. `demo`: a throwaway cluster on a free port. */
export type Purpose = 'start' | 'demo';

export interface ResolveInfrastructureOptions {
  /** The environment to decide from (process.env at the entry point); never read from elsewhere. */
  env: Readonly<Record<string, string | undefined>>;
  purpose: Purpose;
  /** The embedded PostgreSQL's folder. Default: .data/postgres for start, a new temporary folder for demo. */
  dataDir?: string;
  /** Whether that folder outlives close(). Default: true for start, false for demo. */
  persistent?: boolean;
  /** Replaces the probes of the default local servers (tests). */
  probe?: Partial<Probes>;
  /** Replaces how the embedded PostgreSQL is started (tests). */
  startEmbedded?: (options: EmbeddedPostgresOptions) => Promise<EmbeddedPostgres>;
}

export interface DatabaseChoice {
  /** configured: DATABASE_URL; local: PostgreSQL answering on 127.0.0.1:5432; embedded: started here. */
  kind: 'configured' | 'local' | 'embedded';
  url: string;
  reason: string;
}

export interface QueueChoice {
  /** redis: REDIS_URL or Redis on 127.0.0.1:6379; postgres: BullMQ's PostgreSQL backend in the database above. */
  kind: 'redis' | 'postgres';
  reason: string;
}

export interface ResolvedInfrastructure {
  /** DATABASE_URL, QUEUE_BACKEND and, for Redis, REDIS_URL: to lay over the environment for loadConfig and child processes. */
  env: Record<string, string>;
  /** The first line to print: which database and queue backend, and why. */
  summary: string;
  database: DatabaseChoice;
  queues: QueueChoice;
  /** The embedded PostgreSQL when one was started, else null. */
  embedded: EmbeddedPostgres | null;
  /** Stops the embedded PostgreSQL (and removes a folder that is not kept); safe to call twice. */
  close(): Promise<void>;
}
