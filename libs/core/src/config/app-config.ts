import { z } from 'zod';

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
  .default('postgres://postgres@127.0.0.1:5432/postgres');
const optionalPostgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional();
const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).default('redis://127.0.0.1:6379');

const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** An origin is scheme, host and port only: a path or trailing slash would never match a browser's Origin. */
const isOrigin = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
};

/** Every environment variable the processes read; docs/configuration.md's table mirrors it. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Unset: the two ports after PORT, so setting PORT alone moves a whole `npm start` out of another's way.
  WORKER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PARTNER_SIM_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  DATABASE_URL: postgresUrl,
  // Per process and data source. Small on purpose: on 2 cores, 4 connections cost PostgreSQL about a
  // quarter less CPU per provisioning step than 10 (fewer backends contending), and queue in Node instead.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(4),
  REDIS_URL: redisUrl,
  // Where the queues (and the rate-limit counters) live: Redis, or BullMQ's PostgreSQL backend in
  // DATABASE_URL's database for the embedded default. Production refuses postgres (loadConfig).
  QUEUE_BACKEND: z.enum(['redis', 'postgres']).default('redis'),
  // Read by npm start's infrastructure resolver only: the embedded PostgreSQL's port.
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // Unset: the simulator keeps its own schema (partner_sim) in DATABASE_URL's database.
  PARTNER_SIM_DATABASE_URL: optionalPostgresUrl,
  // Unset: the simulator on this machine, http://127.0.0.1:<partner simulator port>.
  PARTNER_SIM_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  PARTNER_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(5000),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/, 'must be a size such as 100kb or 1mb')
    .default('100kb'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  SEED_DEMO_WORLD: z.enum(['auto', 'always', 'never']).default('auto'),
  BOOTSTRAP_API_KEY: z.string().min(32, 'must be at least 32 characters: it grants platform-operator access').optional(),
  RATE_LIMIT_REQUESTS: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  CORS_ORIGINS: z
    .string()
    .refine(
      (value) => splitList(value).length > 0 && splitList(value).every(isOrigin),
      'must be comma-separated origins such as https://console.example.com (scheme, host and port; no path)',
    )
    .transform(splitList)
    .optional(),
  DEMO_KEYS_DIR: z.string().default('.demo'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
  QUEUE_PREFIX: z
    .string()
    .regex(/^\{[A-Za-z0-9_.:-]+\}$/, 'must be a Redis Cluster hash tag such as {prov}')
    .default('{prov}'),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  OUTBOX_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(100),
  OUTBOX_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  REQUEST_STALL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
  STEP_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  STEP_RETRY_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(200),
  STEP_POLL_BASE_MS: z.coerce.number().int().min(1).max(600_000).default(100),
  STEP_POLL_MAX_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
  STEP_TIMEOUT_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
  APPROVAL_TIMEOUT_MS: z.coerce.number().int().min(1000).max(30 * 86_400_000).default(86_400_000),
  RESERVATION_HOLD_TTL_MS: z.coerce.number().int().min(1000).max(30 * 86_400_000).default(1_800_000),
  MAINTENANCE_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
});

export type Environment = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Read once at start-up; every other module gets the typed result through DI. */
export abstract class AppConfig {
  abstract readonly env: Environment['NODE_ENV'];
  abstract readonly port: number;
  /** The worker's own health endpoint; it serves no API. */
  abstract readonly workerPort: number;
  abstract readonly partnerSimPort: number;
  abstract readonly databaseUrl: string;
  /** Connections per data source and process (the control plane's, and the simulator's own). */
  abstract readonly databasePoolSize: number;
  abstract readonly redisUrl: string;
  /** Redis, or BullMQ's PostgreSQL backend over databaseUrl (development and the demo only). */
  abstract readonly queueBackend: Environment['QUEUE_BACKEND'];
  /** Port of the embedded PostgreSQL that npm start runs when no other answers. */
  abstract readonly embeddedPostgresPort: number;
  /** Where the partner simulator keeps its state (its own schema, partner_sim). */
  abstract readonly partnerSimDatabaseUrl: string;
  /** Base URL of the partner backends (the simulator), without a trailing slash. */
  abstract readonly partnerSimUrl: string;
  /** How long one partner call may take, connection and body included, before it counts as transient. */
  abstract readonly partnerCallTimeoutMs: number;
  abstract readonly httpBodyLimit: string;
  abstract readonly logLevel: Environment['LOG_LEVEL'];
  abstract readonly seedDemoWorld: Environment['SEED_DEMO_WORLD'];
  /** Accepted as a platform-operator key, so a fresh deployment can create its real keys. */
  abstract readonly bootstrapApiKey: string | null;
  /** Requests each API key (or client address, without a key) may make per window. */
  abstract readonly rateLimit: { readonly requests: number; readonly windowSeconds: number };
  /** Origins a browser may call the API from; null: no CORS headers at all. */
  abstract readonly corsOrigins: readonly string[] | null;
  /** Where the seed writes the demo API keys (relative to the working directory unless absolute). */
  abstract readonly demoKeysDir: string;
  /** The queue workers (apps/worker, and the worker inside `npm start`). */
  abstract readonly worker: {
    /** Jobs one process runs at once. */
    readonly concurrency: number;
    /** BullMQ key prefix: a Redis Cluster hash tag, so a queue's keys share a slot. */
    readonly queuePrefix: string;
    /** How long a job's lock lasts without renewal: a killed worker's jobs run again after about this long. */
    readonly jobLockMs: number;
    /** How often the outbox relay looks for new rows, and how many it moves at once. */
    readonly relayIntervalMs: number;
    readonly relayBatchSize: number;
    /** A request in progress that has not changed for this long has lost its job: it is scheduled again. */
    readonly requestStallMs: number;
  };
  /** Retry and polling rules of provisioning steps against the partners. */
  abstract readonly steps: {
    readonly maxAttempts: number;
    readonly retryBaseMs: number;
    readonly pollBaseMs: number;
    readonly pollMaxMs: number;
    readonly timeoutMs: number;
  };
  /** Time limits of reservations and approvals, enforced by the worker's periodic maintenance job. */
  abstract readonly reservations: {
    /** A request awaiting approval this long is rejected ("approval timed out") and its capacity released. */
    readonly approvalTimeoutMs: number;
    /** A request holding capacity that has not moved for this long is rolled back and its hold released. */
    readonly holdTtlMs: number;
    /** How often the maintenance job looks. */
    readonly maintenanceIntervalMs: number;
  };
}

export function loadConfig(source: Record<string, string | undefined>): AppConfig {
  // Empty strings are treated as unset so `FOO= npm start` falls back to the default.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  if (env.NODE_ENV === 'production' && env.QUEUE_BACKEND === 'postgres') {
    throw new ConfigError([
      'QUEUE_BACKEND: postgres is for development and the demo; production runs its queues on Redis (set REDIS_URL, and QUEUE_BACKEND=redis or leave it unset)',
    ]);
  }
  const workerPort = env.WORKER_PORT ?? env.PORT + 1;
  const partnerSimPort = env.PARTNER_SIM_PORT ?? env.PORT + 2;
  if (workerPort > 65535 || partnerSimPort > 65535) {
    throw new ConfigError([`PORT: ${env.PORT} leaves no room for the worker and simulator ports after it; set WORKER_PORT and PARTNER_SIM_PORT, or a lower PORT`]);
  }
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    workerPort,
    partnerSimPort,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL,
    queueBackend: env.QUEUE_BACKEND,
    embeddedPostgresPort: env.EMBEDDED_POSTGRES_PORT,
    partnerSimDatabaseUrl: env.PARTNER_SIM_DATABASE_URL ?? env.DATABASE_URL,
    partnerSimUrl: (env.PARTNER_SIM_URL ?? `http://127.0.0.1:${partnerSimPort}`).replace(/\/+$/, ''),
    partnerCallTimeoutMs: env.PARTNER_CALL_TIMEOUT_MS,
    httpBodyLimit: env.HTTP_BODY_LIMIT,
    logLevel: env.LOG_LEVEL,
    seedDemoWorld: env.SEED_DEMO_WORLD,
    bootstrapApiKey: env.BOOTSTRAP_API_KEY ?? null,
    rateLimit: { requests: env.RATE_LIMIT_REQUESTS, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    corsOrigins: env.CORS_ORIGINS ?? null,
    demoKeysDir: env.DEMO_KEYS_DIR,
    worker: {
      concurrency: env.WORKER_CONCURRENCY,
      queuePrefix: env.QUEUE_PREFIX,
      jobLockMs: env.JOB_LOCK_MS,
      relayIntervalMs: env.OUTBOX_RELAY_INTERVAL_MS,
      relayBatchSize: env.OUTBOX_RELAY_BATCH_SIZE,
      requestStallMs: env.REQUEST_STALL_MS,
    },
    steps: {
      maxAttempts: env.STEP_MAX_ATTEMPTS,
      retryBaseMs: env.STEP_RETRY_BASE_MS,
      pollBaseMs: env.STEP_POLL_BASE_MS,
      pollMaxMs: env.STEP_POLL_MAX_MS,
      timeoutMs: env.STEP_TIMEOUT_MS,
    },
    reservations: {
      approvalTimeoutMs: env.APPROVAL_TIMEOUT_MS,
      holdTtlMs: env.RESERVATION_HOLD_TTL_MS,
      maintenanceIntervalMs: env.MAINTENANCE_INTERVAL_MS,
    },
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

/** Nest's logger takes the list of enabled levels; LOG_LEVEL names the most verbose one. */
export function enabledLogLevels(config: AppConfig): (typeof LOG_LEVELS)[number][] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1);
}
