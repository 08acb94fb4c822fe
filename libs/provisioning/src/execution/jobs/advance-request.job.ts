import { Injectable } from '@nestjs/common';
import { ADVANCE_REQUEST_JOB } from '../../persistence/request-journal.js';
import { AdvanceRequest } from '../executor/advance-request.js';
import { HandlesJob, type JobHandler } from './job-handler.js';
import type { JobPayload } from './job-registry.js';

@Injectable()
@HandlesJob(ADVANCE_REQUEST_JOB)
export class AdvanceRequestJobHandler implements JobHandler<typeof ADVANCE_REQUEST_JOB> {
  constructor(private readonly advance: AdvanceRequest) {}

  async handle(payload: JobPayload<typeof ADVANCE_REQUEST_JOB>): Promise<void> {
    await this.advance.execute(payload);
  }
}
