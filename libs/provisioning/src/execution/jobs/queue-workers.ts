import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import type { AnyWorker } from '#libs/core/src/queues/queue-connection.js';
import { JobDispatcher } from './job-dispatcher.js';
import { JobQueues } from './job-queues.js';
import { QUEUES } from './job-registry.js';

/**
 * One BullMQ worker per queue of the registry, each handing its jobs to the dispatcher. Started
 * once the whole application is up; on shutdown they stop taking jobs and finish the active ones
 * before the database pool closes (a job that outlives the lock runs again elsewhere: harmless,
 * every job is idempotent).
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('QueueWorkers');
  private workers: AnyWorker[] = [];

  constructor(
    private readonly config: AppConfig,
    private readonly dispatcher: JobDispatcher,
    private readonly queues: JobQueues,
  ) {}

  onApplicationBootstrap(): void {
    const { concurrency, jobLockMs } = this.config.worker;
    this.workers = QUEUES.map((queue) => {
      const worker = this.queues.worker(queue, (job) => this.dispatcher.dispatch(job.name, job.data), {
        concurrency,
        lockDuration: jobLockMs,
        stalledInterval: jobLockMs,
        // A job whose worker died twice is still retried: its work is idempotent and guarded.
        maxStalledCount: 3,
      });
      worker.on('failed', (job, error) => this.logger.error(`Job ${job?.name} ${job?.id} failed: ${error.message}`, error.stack));
      worker.on('error', (error) => this.logger.error(`Worker of queue '${queue}': ${error.message}`));
      return worker;
    });
    this.logger.log(`Processing ${QUEUES.join(', ')} with concurrency ${concurrency} (queues on ${this.config.queueBackend}).`);
  }

  /** Stops taking jobs and waits for the active ones (SIGTERM: drain, then exit). */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.workers = [];
  }
}
