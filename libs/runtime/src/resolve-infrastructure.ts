import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from '#libs/core/src/config/app-config.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres/embedded-postgres.js';
import { freePort } from './free-port.js';
import type { DatabaseChoice, QueueChoice, ResolvedInfrastructure, ResolveInfrastructureOptions } from './infrastructure.js';
import { InfrastructureError } from './infrastructure-error.js';
import { defaultProbes, type ProbeResult } from './probes.js';
import { summaryLine } from './summary.js';

/** Where npm start keeps the embedded PostgreSQL, relative to its working directory. */
export const DEFAULT_DATA_DIR = '.data/postgres';

/** The configuration's defaults are the servers on this machine: 127.0.0.1:5432 as postgres, 127.0.0.1:6379. */
const LOCAL = loadConfig({});

type Env = ResolveInfrastructureOptions['env'];
const isSet = (env: Env, name: string): boolean => (env[name] ?? '') !== '';

function chooseDatabase(env: Env, probe: ProbeResult | null): Omit<DatabaseChoice, 'url'> & { url: string | null } {
  if (probe === null) return { kind: 'configured', url: env.DATABASE_URL!, reason: 'DATABASE_URL is set' };
  if (probe.answers) return { kind: 'local', url: LOCAL.databaseUrl, reason: `${probe.detail} and DATABASE_URL is unset` };
  return { kind: 'embedded', url: null, reason: `${probe.detail} and DATABASE_URL is unset` };
}

function chooseQueues(env: Env, config: AppConfig, probe: ProbeResult | null): QueueChoice {
  if (isSet(env, 'QUEUE_BACKEND')) return { kind: config.queueBackend, reason: `QUEUE_BACKEND=${config.queueBackend} is set` };
  if (probe === null) return { kind: 'redis', reason: 'REDIS_URL is set' };
  if (probe.answers) return { kind: 'redis', reason: `${probe.detail} and REDIS_URL is unset` };
  return { kind: 'postgres', reason: `${probe.detail} and REDIS_URL is unset` };
}

/** Production runs on servers of its own: the embedded default is refused, in one message for both. */
function refuseInProduction(config: AppConfig, database: { kind: string; reason: string }, queues: QueueChoice): void {
  if (config.env !== 'production') return;
  const missing = [...(database.kind === 'embedded' ? [database.reason] : []), ...(queues.kind === 'postgres' ? [queues.reason] : [])];
  if (missing.length === 0) return;
  throw new InfrastructureError(
    `NODE_ENV=production never runs on the embedded default (PostgreSQL from npm, queues in PostgreSQL): ${missing.join('; ')}.`,
    'Production runs on PostgreSQL and Redis of its own: set DATABASE_URL and REDIS_URL (docker/compose.yaml runs both).',
  );
}

/**
 * Which PostgreSQL and which queue backend a start-up runs on, and why. DATABASE_URL and REDIS_URL
 * when set, else the servers answering on their default local ports; each of the two that is
 * neither is replaced by the embedded default: a PostgreSQL from npm started here, and BullMQ's
 * PostgreSQL backend over the database in use. Nothing is ever installed. Throws ConfigError for
 * a malformed variable and InfrastructureError (one message, what to run instead) otherwise.
 */
export async function resolveInfrastructure(options: ResolveInfrastructureOptions): Promise<ResolvedInfrastructure> {
  const { env, purpose } = options;
  // Every variable is checked before anything starts, QUEUE_BACKEND=postgres in production included.
  const config = loadConfig(env);
  const probes = { ...defaultProbes, ...options.probe };
  const [postgresProbe, redisProbe] = await Promise.all([
    isSet(env, 'DATABASE_URL') ? null : probes.postgres(LOCAL.databaseUrl),
    isSet(env, 'QUEUE_BACKEND') || isSet(env, 'REDIS_URL') ? null : probes.redis(LOCAL.redisUrl),
  ]);
  const chosen = chooseDatabase(env, postgresProbe);
  const queues = chooseQueues(env, config, redisProbe);
  refuseInProduction(config, chosen, queues);

  const persistent = options.persistent ?? purpose === 'start';
  let embedded: EmbeddedPostgres | null = null;
  if (chosen.kind === 'embedded') {
    embedded = await (options.startEmbedded ?? startEmbeddedPostgres)({
      dataDir: options.dataDir ?? (purpose === 'start' ? DEFAULT_DATA_DIR : await temporaryFolder()),
      port: purpose === 'start' ? config.embeddedPostgresPort : await freePort(),
      persistent,
    });
  }
  const database: DatabaseChoice = { ...chosen, url: embedded?.url ?? chosen.url! };
  const redisUrl = queues.kind === 'redis' ? config.redisUrl : undefined;
  let closing: Promise<void> | null = null;
  return {
    env: { DATABASE_URL: database.url, QUEUE_BACKEND: queues.kind, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
    summary: summaryLine(database, queues, { embedded, persistent, redisUrl }),
    database,
    queues,
    embedded,
    close: () => (closing ??= embedded ? embedded.stop() : Promise.resolve()),
  };
}

/** A new folder for a throwaway cluster; others may enter it, as PostgreSQL started by root runs as another user. */
async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'control-plane-postgres-'));
  await chmod(folder, 0o755);
  return folder;
}
