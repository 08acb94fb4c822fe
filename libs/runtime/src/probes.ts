import { Redis } from 'ioredis';
import pg from 'pg';

/** Whether a server answers, and the words for why (they end up in the first line `npm start` prints). */
export interface ProbeResult {
  answers: boolean;
  /** E.g. "nothing answers on 127.0.0.1:5432", "PostgreSQL answers on 127.0.0.1:5432 as user postgres". */
  detail: string;
}

/** How the resolver asks the default local servers; injectable so unit tests need none. */
export interface Probes {
  postgres(url: string): Promise<ProbeResult>;
  redis(url: string): Promise<ProbeResult>;
}

const PROBE_TIMEOUT_MS = 1500;

const hostOf = (url: string): string => {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port}`;
};

/** Why a connection attempt failed, in the words of the first line. */
const failure = (address: string, error: unknown): string => {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return `nothing answers on ${address}`;
  if (code === 'ETIMEDOUT' || /timeout/i.test(String(error))) return `nothing answered on ${address} within ${PROBE_TIMEOUT_MS / 1000} s`;
  return `${address} answers, but not as needed (${(error as Error).message})`;
};

/** PostgreSQL answers when it takes the URL's user and runs a query (a server that refuses the user is no use). */
export async function probePostgres(url: string): Promise<ProbeResult> {
  const address = hostOf(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { answers: true, detail: `PostgreSQL answers on ${address} as user ${new URL(url).username}` };
  } catch (error) {
    return { answers: false, detail: failure(address, error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Redis answers when PING gets PONG; one attempt, no reconnecting. */
export async function probeRedis(url: string): Promise<ProbeResult> {
  const address = hostOf(url);
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: PROBE_TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // connect() rejects with "Connection is closed"; the socket's own error (ECONNREFUSED) comes as an event.
  let socketError: unknown = null;
  redis.on('error', (error) => (socketError ??= error));
  try {
    await redis.connect();
    const pong = await redis.ping();
    return pong === 'PONG' ? { answers: true, detail: `Redis answers PING on ${address}` } : { answers: false, detail: `${address} answered PING with ${pong}` };
  } catch (error) {
    return { answers: false, detail: failure(address, socketError ?? error) };
  } finally {
    redis.disconnect();
  }
}

export const defaultProbes: Probes = { postgres: probePostgres, redis: probeRedis };
