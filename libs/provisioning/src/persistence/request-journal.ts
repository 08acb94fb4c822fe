import type { EntityManager } from 'typeorm';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import { assertTransition, type RequestStatus } from '../domain/request-status.js';

/**
 * The three writes every state change of a request makes, always in the caller's transaction:
 * the guarded change itself, its event in the append-only log, and the work it causes (outbox).
 * A crash between them is impossible; a crash after commit loses nothing (the relay re-sends).
 */

export const PROVISIONING_QUEUE = 'provisioning';
export const ADVANCE_REQUEST_JOB = 'advance-request';

/** The payload of an advance job: which request, at which version it was scheduled. */
export interface AdvanceRequestJob {
  requestId: string;
  version: number;
}

export async function appendEvent(
  manager: EntityManager,
  requestId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(`INSERT INTO request_events (request_id, type, data) VALUES ($1, $2, $3)`, [requestId, type, data]);
}

/** The outbox id, and job id, of the advance scheduled at `version`: one per state change. */
export const advanceJobId = (requestId: string, version: number): string => `${requestId}.${version}`;

/**
 * Schedules the next advance of a request. The outbox id (the job id) is derived from the
 * request and its new version: a state change schedules at most one job, and duplicates drop.
 */
export async function scheduleAdvance(
  manager: EntityManager,
  requestId: string,
  version: number,
  delayMs = 0,
): Promise<void> {
  const job: AdvanceRequestJob = { requestId, version };
  await manager.query(
    `INSERT INTO outbox (id, queue, job_name, payload, available_at)
     VALUES ($1, $2, $3, $4, now() + ($5 || ' milliseconds')::interval) ON CONFLICT (id) DO NOTHING`,
    [advanceJobId(requestId, version), PROVISIONING_QUEUE, ADVANCE_REQUEST_JOB, job, String(Math.max(0, Math.round(delayMs)))],
  );
}

/**
 * Compare-and-set on status and version: the change lands only if the request is still where the
 * caller last saw it. Returns the new version.
 */
export async function changeRequest(
  manager: EntityManager,
  request: { id: string; status: RequestStatus; version: number },
  changes: { status?: RequestStatus; [column: string]: unknown },
): Promise<number> {
  if (changes.status !== undefined && changes.status !== request.status) assertTransition(request.status, changes.status);
  const columns = Object.keys(changes);
  const assignments = columns.map((column, i) => `${column} = $${i + 4}`);
  const result: [unknown[], number] = await manager.query(
    `UPDATE provisioning_requests SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
     WHERE id = $1 AND status = $2 AND version = $3`,
    [request.id, request.status, request.version, ...columns.map((column) => changes[column])],
  );
  if (result[1] !== 1) throw new ConcurrentUpdateError('provisioning request', request.id);
  return request.version + 1;
}
