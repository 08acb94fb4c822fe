import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';

/** Concurrent callers working through numbered units, each unit's latency measured. */
export interface LoadRun {
  units: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Transactions PostgreSQL aborted as deadlocked (then retried): the lock order should make this 0. */
  deadlocks: number;
}

const DEADLOCK = '40P01';
const MAX_ATTEMPTS = 5;

const isDeadlock = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === DEADLOCK;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/**
 * `callers` loops each take the next unit until `units` are done, as that many API requests in
 * flight would. A deadlocked unit is retried (counted), as a client would resubmit it.
 */
export async function drive(units: number, callers: number, work: (i: number) => Promise<void>): Promise<LoadRun> {
  const latencies: number[] = [];
  let next = 0;
  let deadlocks = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < units) {
        const i = next++;
        const unitStarted = performance.now();
        for (let attempt = 1; ; attempt++) {
          try {
            await work(i);
            break;
          } catch (error) {
            if (!isDeadlock(error) || attempt === MAX_ATTEMPTS) throw error;
            deadlocks++;
          }
        }
        latencies.push(performance.now() - unitStarted);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { units, seconds, perSecond: units / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), deadlocks };
}

export interface LockWaits {
  /** Mean number of the database's sessions waiting on a heavyweight lock (row locks here). */
  meanWaiting: number;
  peakWaiting: number;
  /** The mean, by the statement the waiting sessions were in ('UPDATE tenants', ...). */
  meanByStatement: Map<string, number>;
}

/**
 * Samples pg_stat_activity on a connection of its own while a load runs: how many callers sit
 * waiting for another transaction's row lock, and in which statement, which the rates alone do
 * not show.
 */
export async function sampleLockWaits<T>(databaseUrl: string, during: () => Promise<T>): Promise<{ result: T; waits: LockWaits }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let running = true;
  let samples = 0;
  const peaks: number[] = [];
  const totals = new Map<string, number>();
  const sampler = (async () => {
    while (running) {
      const { rows } = await client.query<{ statement: string; n: number }>(
        `SELECT coalesce(substring(query FROM '^\\s*((UPDATE|INSERT INTO) \\w+)'), 'other') AS statement, count(*)::int AS n
         FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' GROUP BY 1`,
      );
      samples++;
      peaks.push(rows.reduce((sum, row) => sum + row.n, 0));
      for (const row of rows) totals.set(row.statement, (totals.get(row.statement) ?? 0) + row.n);
      await sleep(20);
    }
  })();
  try {
    const result = await during();
    const mean = (total: number): number => total / Math.max(1, samples);
    return {
      result,
      waits: {
        meanWaiting: mean(peaks.reduce((sum, n) => sum + n, 0)),
        peakWaiting: Math.max(0, ...peaks),
        meanByStatement: new Map([...totals].map(([statement, total]) => [statement, mean(total)])),
      },
    };
  } finally {
    running = false;
    await sampler;
    await client.end();
  }
}
