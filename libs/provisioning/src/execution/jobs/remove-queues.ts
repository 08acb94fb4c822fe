import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { openQueueConnection } from '#libs/core/src/queues/queue-connection.js';
import { QUEUES } from './job-registry.js';

/**
 * Removes every queue of the registry under the configuration's prefix, jobs and schedules alike
 * (demos, tests). On the PostgreSQL backend the queues live in the database, which goes with it.
 */
export async function removeQueues(config: AppConfig): Promise<void> {
  if (config.queueBackend !== 'redis') return;
  const connection = openQueueConnection(config);
  try {
    for (const name of QUEUES) {
      const queue = connection.queue(name);
      try {
        await queue.obliterate({ force: true });
      } finally {
        await queue.close();
      }
    }
  } finally {
    await connection.close();
  }
}
