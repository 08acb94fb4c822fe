import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { QUEUES, type QueueName } from './job-registry.js';

/**
 * The options every job gets. BullMQ's own retries are for the unexpected (a database hiccup
 * inside a job); partner failures are retried by the executor, with their own backoff.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  // Bounded history; a completed job's id may then be re-added, which the version guard absorbs.
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * The BullMQ queues of the registry, by name. Each is opened on first use (by the relay, once the
 * application is up), so an application that fails to start leaves no Redis connection behind.
 */
@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly config: AppConfig) {}

  get(name: string): Queue {
    if (!(QUEUES as readonly string[]).includes(name)) throw new Error(`Unknown queue '${name}': add it to the job registry.`);
    let queue = this.queues.get(name as QueueName);
    if (!queue) {
      queue = new Queue(name, { connection: { url: this.config.redisUrl }, prefix: this.config.worker.queuePrefix });
      this.queues.set(name as QueueName, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
