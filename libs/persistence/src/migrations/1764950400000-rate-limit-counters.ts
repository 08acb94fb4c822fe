import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rate-limit counters when the queues run on PostgreSQL (QUEUE_BACKEND=postgres): one row per
 * key and window. UNLOGGED, like Redis without persistence: a counter is worth nothing after a
 * crash, and not writing it to the WAL keeps a call's count cheap.
 */
export class RateLimitCounters1764950400000 implements MigrationInterface {
  name = 'RateLimitCounters1764950400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limit_counters (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        resets_at timestamptz NOT NULL
      ) WITH (fillfactor = 50)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit_counters`);
  }
}
