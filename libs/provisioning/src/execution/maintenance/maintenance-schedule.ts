import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { JobQueues } from '../jobs/job-queues.js';
import { EXPIRE_RESERVATIONS_JOB, MAINTENANCE_QUEUE } from './maintenance-jobs.js';

/**
 * Registers the periodic maintenance job with BullMQ's job scheduler. Every worker process does
 * so at start-up; the scheduler keeps one schedule under one id, so however many workers run,
 * each tick makes one job, and whichever worker is free runs it.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly queues: JobQueues,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.get(MAINTENANCE_QUEUE).upsertJobScheduler(
      EXPIRE_RESERVATIONS_JOB,
      { every: this.config.reservations.maintenanceIntervalMs },
      { name: EXPIRE_RESERVATIONS_JOB, data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
  }
}
