import { Injectable } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../jobs/job-handler.js';
import { ExpireReservations } from './expire-reservations.js';
import { EXPIRE_RESERVATIONS_JOB } from './maintenance-jobs.js';

@Injectable()
@HandlesJob(EXPIRE_RESERVATIONS_JOB)
export class ExpireReservationsJobHandler implements JobHandler<typeof EXPIRE_RESERVATIONS_JOB> {
  constructor(private readonly expire: ExpireReservations) {}

  async handle(): Promise<void> {
    await this.expire.execute();
  }
}
