import type { EntityManager } from 'typeorm';
import type { RequestStatus } from '../domain/request-status.js';
import { releaseCapacity } from '../persistence/capacity-ledger.js';
import { appendEvent, recordChange } from '../persistence/request-journal.js';
import type { ApprovalRecord } from './approval-decision.js';

/**
 * A waiting request refused, by an operator or by the clock: REJECTED, and the capacity and quota
 * held for it given back, in the caller's transaction. Nothing was made at the partner yet.
 */
export async function rejectAwaiting(
  manager: EntityManager,
  request: { id: string; status: RequestStatus; version: number },
  approval: ApprovalRecord,
): Promise<void> {
  const code = approval.decision === 'timed out' ? 'approval-timed-out' : 'approval-rejected';
  const detail = approval.decision === 'timed out' ? approval.reason : `Rejected by ${approval.by}: ${approval.reason}`;
  await recordChange(manager, request, {
    columns: { status: 'REJECTED', approval, approval_deadline: null, failure: { reason: code, detail }, finished_at: new Date() },
    events: [{ type: code, data: { by: approval.by, reason: approval.reason } }],
    next: null,
  });
  if (await releaseCapacity(manager, request.id)) await appendEvent(manager, request.id, 'capacity-released', { reason: code });
}
