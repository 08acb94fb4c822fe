import type { DatabaseChoice, QueueChoice } from './infrastructure.js';
import type { EmbeddedPostgres } from './embedded-postgres/embedded-postgres.js';

/** host:port/database of a URL, never its password: the line may end up in a log. */
export const redacted = (url: string): string => {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}${port ? `:${port}` : ''}${pathname === '/' ? '' : pathname}`;
};

function describeDatabase(database: DatabaseChoice, embedded: EmbeddedPostgres | null, persistent: boolean): string {
  if (database.kind === 'embedded' && embedded) {
    const where = [`data in ${embedded.dataDir}`, embedded.initialised ? 'created now' : 'kept from an earlier run', ...(persistent ? [] : ['removed at exit'])];
    const as = embedded.runsAs ? `, running as user ${embedded.runsAs}` : '';
    return `embedded PostgreSQL ${embedded.version} on 127.0.0.1:${embedded.port} (${where.join(', ')}${as}): ${database.reason}`;
  }
  if (database.kind === 'local') return `local PostgreSQL on ${redacted(database.url)}: ${database.reason}`;
  return `PostgreSQL on ${redacted(database.url)}: ${database.reason}`;
}

function describeQueues(queues: QueueChoice, redisUrl: string | undefined): string {
  if (queues.kind === 'postgres') return `queues on BullMQ's PostgreSQL backend: ${queues.reason}`;
  return `queues on Redis at ${redacted(redisUrl!)}: ${queues.reason}`;
}

/** The first line npm start prints, e.g. "embedded PostgreSQL 18.4 on 127.0.0.1:54329 (…): …; queues on …: …". */
export function summaryLine(
  database: DatabaseChoice,
  queues: QueueChoice,
  context: { embedded: EmbeddedPostgres | null; persistent: boolean; redisUrl: string | undefined },
): string {
  return `${describeDatabase(database, context.embedded, context.persistent)}; ${describeQueues(queues, context.redisUrl)}`;
}
