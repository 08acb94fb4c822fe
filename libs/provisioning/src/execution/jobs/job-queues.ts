import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { JobsOptions, Processor } from 'bullmq';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import {
  type AnyQueue,
  type AnyWorker,
  openQueueConnection,
  type QueueConnection,
  type WorkerSettings,
} from '#libs/core/src/queues/queue-connection.js';
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
 * The BullMQ queues of the registry, by name, and their workers, on the backend QUEUE_BACKEND
 * names. Each queue is opened on first use (by the relay, once the application is up), so an
 * application that fails to start leaves no Redis connection behind.
 */
@Injectable()
export class JobQueues implements OnModuleInit, OnApplicationShutdown {
  private readonly queues = new Map<QueueName, AnyQueue>();
  private readonly connection: QueueConnection;

  constructor(config: AppConfig) {
    this.connection = openQueueConnection(config, { workers: QUEUES.length });
  }

  /** The PostgreSQL backend's schema must exist before a worker or queue touches it. */
  async onModuleInit(): Promise<void> {
    await this.connection.prepare();
  }

  get(name: string): AnyQueue {
    let queue = this.queues.get(registered(name));
    if (!queue) {
      queue = this.connection.queue(name);
      this.queues.set(name as QueueName, queue);
    }
    return queue;
  }

  /** A worker of one of the registry's queues; its owner closes it (before shutdown reaches the queues). */
  worker(name: string, processor: Processor, settings: WorkerSettings): AnyWorker {
    return this.connection.worker(registered(name), processor, settings);
  }

  /** Runs after every worker closed (they close before shutdown): the queues, then what they share. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
    await this.connection.close();
  }
}

function registered(name: string): QueueName {
  if (!(QUEUES as readonly string[]).includes(name)) throw new Error(`Unknown queue '${name}': add it to the job registry.`);
  return name as QueueName;
}
