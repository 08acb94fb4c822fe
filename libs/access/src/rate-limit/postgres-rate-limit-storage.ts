import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { RateLimitStorage, type WindowCount } from './rate-limit-storage.js';

/**
 * The Redis script's fixed window in one statement: the first call starts the window, later ones
 * count in it, the first call after it ends starts the next. The upsert is atomic, so concurrent
 * calls of one key each get their own count.
 */
const INCREMENT = `
  INSERT INTO rate_limit_counters AS c (key, hits, resets_at)
  VALUES ($1, 1, now() + $2::int * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN c.resets_at > now() THEN c.hits + 1 ELSE 1 END,
    resets_at = CASE WHEN c.resets_at > now() THEN c.resets_at ELSE excluded.resets_at END
  RETURNING hits, GREATEST(ceil(extract(epoch FROM c.resets_at - now()) * 1000), 1)::int AS ms_until_reset`;

/** Ended windows are deleted this often, so keys seen once do not stay for ever (Redis expires them). */
const SWEEP_INTERVAL_MS = 60_000;

/** The counters in an UNLOGGED table (QUEUE_BACKEND=postgres): the database is the only server then. */
@Injectable()
export class PostgresRateLimitStorage extends RateLimitStorage {
  private nextSweepAt = 0;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    if (Date.now() >= this.nextSweepAt) await this.sweep();
    const { rows } = await preparedQuery<{ hits: number; ms_until_reset: number }>(this.dataSource.manager, INCREMENT, [key, windowMs]);
    return { hits: rows[0].hits, msUntilReset: rows[0].ms_until_reset };
  }

  /** Deleting an ended window changes nothing a caller sees: its next call starts a new one either way. */
  private async sweep(): Promise<void> {
    this.nextSweepAt = Date.now() + SWEEP_INTERVAL_MS;
    await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE resets_at <= now()`).catch(() => undefined);
  }
}
