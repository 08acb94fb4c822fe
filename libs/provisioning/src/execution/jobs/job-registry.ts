import { z } from 'zod';
import { ADVANCE_REQUEST_JOB, PROVISIONING_QUEUE } from '../../persistence/request-journal.js';
import { EXPIRE_RESERVATIONS_JOB, MAINTENANCE_QUEUE } from '../maintenance/maintenance-jobs.js';

/**
 * Every queue and job of the system, with each job's payload schema, in one place. A worker
 * refuses to start unless each job here has exactly one handler (see JobDispatcher).
 */
export const QUEUES = [PROVISIONING_QUEUE, MAINTENANCE_QUEUE] as const;
export type QueueName = (typeof QUEUES)[number];

export const JOBS = {
  /** Do the next unit of work of a provisioning request, if it is still at `version`. */
  [ADVANCE_REQUEST_JOB]: {
    queue: PROVISIONING_QUEUE,
    payload: z.object({ requestId: z.uuid(), version: z.number().int().min(0) }),
  },
  /** Periodic (BullMQ job scheduler): time out approvals, roll back requests whose held capacity stopped moving. */
  [EXPIRE_RESERVATIONS_JOB]: {
    queue: MAINTENANCE_QUEUE,
    payload: z.object({}),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>;

export const jobsOf = (queue: QueueName): JobName[] => (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue);
