import { Queue } from 'bullmq';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { QUEUES } from './job-registry.js';

/** Removes every queue of the registry under the configuration's prefix, jobs and schedules alike (demos, tests). */
export async function removeQueues(config: AppConfig): Promise<void> {
  for (const name of QUEUES) {
    const queue = new Queue(name, { connection: { url: config.redisUrl }, prefix: config.worker.queuePrefix });
    try {
      await queue.obliterate({ force: true });
    } finally {
      await queue.close();
    }
  }
}
