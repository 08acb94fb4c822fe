import type { EntityManager } from 'typeorm';
import { ADVANCE_REQUEST_JOB, PROVISIONING_QUEUE } from '../../persistence/request-journal.js';

/**
 * Redis holds queues only, and may lose them; a job may also fail for good on a bug. Either way a
 * request in progress stops changing. This schedules each such request again at its current
 * version: one more job, under an id of its own (one per stall window, so relays that sweep at
 * the same time add it once). Should the original job still be waiting after all, the two run the
 * same guarded, idempotent step and one of them is dropped. Returns the requests rescheduled.
 */
export async function rescheduleStalledRequests(manager: EntityManager, stallMs: number): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `INSERT INTO outbox (id, queue, job_name, payload)
     SELECT r.id || '.' || r.version || '.recovered-' || floor(extract(epoch FROM now()) * 1000 / $1)::bigint,
            $2, $3, jsonb_build_object('requestId', r.id, 'version', r.version)
     FROM provisioning_requests r
     WHERE r.status IN ('PROVISIONING', 'ROLLING_BACK', 'DECOMMISSIONING')
       AND r.updated_at < now() - ($1 || ' milliseconds')::interval
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.id = r.id || '.' || r.version AND o.dispatched_at IS NULL)
     ORDER BY r.updated_at LIMIT 500
     ON CONFLICT (id) DO NOTHING
     RETURNING payload->>'requestId' AS id`,
    [String(stallMs), PROVISIONING_QUEUE, ADVANCE_REQUEST_JOB],
  );
  return rows.map((row) => row.id);
}
