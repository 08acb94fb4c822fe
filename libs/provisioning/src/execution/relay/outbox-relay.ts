import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { DEFAULT_JOB_OPTIONS, JobQueues } from '../jobs/job-queues.js';
import { rescheduleStalledRequests } from './stalled-requests.js';

interface ClaimedRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
  available_at: Date;
  delay_ms: number;
}

/** Dispatched rows are kept this long for inspection, then deleted. */
const RETENTION = '1 day';
const CLEANUP_EVERY_MS = 60_000;

/**
 * Moves outbox rows to BullMQ: claims a batch of undispatched rows (SKIP LOCKED, so any number of
 * relays share the table), adds them with the outbox id as job id and the remaining delay, and
 * marks them dispatched in the same transaction. A crash before the commit leaves the rows for the
 * next relay; the job it may already have added carries the same id and is ignored (or, if it has
 * already run and gone, runs again and is dropped as stale).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private lastCleanup = Date.now();
  private lastSweep = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Asks for a pass now rather than at the next tick (after a commit in this process). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * One pass: claims and marks up to a batch in one statement, adds their jobs, commits; returns
   * how many rows it moved. The claimed rows are marked by their row address: the table keeps a day
   * of dispatched rows, and a plan that looked them up by id could scan all of it.
   */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const { rows } = await preparedQuery<ClaimedRow>(
        manager,
        `WITH claimed AS (
           SELECT ctid FROM outbox WHERE dispatched_at IS NULL
           ORDER BY available_at LIMIT $1 FOR UPDATE SKIP LOCKED
         )
         UPDATE outbox SET dispatched_at = now() WHERE ctid = ANY (ARRAY(SELECT ctid FROM claimed))
         RETURNING id, queue, job_name, payload, available_at,
                   GREATEST(0, ceil(EXTRACT(EPOCH FROM (available_at - now())) * 1000))::int AS delay_ms`,
        [this.config.worker.relayBatchSize],
      );
      if (rows.length === 0) return 0;
      // In the order they became due, as the claim read them.
      rows.sort((a, b) => a.available_at.getTime() - b.available_at.getTime());
      await this.enqueue(rows);
      return rows.length;
    });
  }

  private async enqueue(rows: ClaimedRow[]): Promise<void> {
    for (const queue of new Set(rows.map((row) => row.queue))) {
      await this.queues.get(queue).addBulk(
        rows
          .filter((row) => row.queue === queue)
          .map((row) => ({ name: row.job_name, data: row.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: row.id, delay: row.delay_ms } })),
      );
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let moved = 0;
      try {
        moved = await this.relayOnce();
        await this.cleanUp(this.dataSource.manager);
        await this.sweepStalled(this.dataSource.manager);
      } catch (error) {
        // PostgreSQL or Redis away: the rows wait in the outbox; try again at the next tick.
        this.logger.warn(`Outbox relay pass failed: ${(error as Error).message}`);
      }
      // A full batch means more may be waiting: go again at once.
      if (moved < this.config.worker.relayBatchSize && !this.woken && this.running) await this.sleep(this.config.worker.relayIntervalMs);
    }
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = null;
  }

  private async sweepStalled(manager: EntityManager): Promise<void> {
    const stallMs = this.config.worker.requestStallMs;
    if (Date.now() - this.lastSweep < Math.min(60_000, stallMs / 2)) return;
    this.lastSweep = Date.now();
    const rescheduled = await rescheduleStalledRequests(manager, stallMs);
    if (rescheduled.length > 0) this.logger.warn(`Rescheduled ${rescheduled.length} stalled request(s): ${rescheduled.join(', ')}.`);
  }

  private async cleanUp(manager: EntityManager): Promise<void> {
    if (Date.now() - this.lastCleanup < CLEANUP_EVERY_MS) return;
    this.lastCleanup = Date.now();
    await manager.query(`DELETE FROM outbox WHERE dispatched_at < now() - $1::interval`, [RETENTION]);
  }
}
