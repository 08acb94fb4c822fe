import { DiscoveryService } from '@nestjs/core';
import type { JobName, JobPayload } from './job-registry.js';

/** A job's handler: thin, it hands the parsed payload to a use case. */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayload<N>): Promise<void>;
}

/** Marks a provider as the handler of one job of the registry: `@HandlesJob(ADVANCE_REQUEST_JOB)`. */
export const HandlesJob = DiscoveryService.createDecorator<JobName>();
