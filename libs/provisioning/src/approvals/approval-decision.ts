import type { EntityManager } from 'typeorm';
import { type Caller, describeCaller } from '#libs/access/src/domain/caller.js';
import { DomainError, NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { RequestStatus } from '../domain/request-status.js';
import { isUuid } from '../requests/request-id.js';

/** A 409: approval decides a request once, while it waits, and never again. */
export class NotAwaitingApprovalError extends DomainError {
  readonly kind = 'invalid-transition';
  readonly code = 'not-awaiting-approval';

  constructor(id: string, status: RequestStatus, approval: ApprovalRecord | null) {
    const why = approval
      ? `it was already ${approval.decision} by ${approval.by}${approval.reason ? ` ("${approval.reason}")` : ''} and is now ${status}`
      : `it is ${status} and never waited for approval`;
    super(`Provisioning request '${id}' is not awaiting approval: ${why}.`, { requestId: id, status });
  }
}

/** What the request keeps of the approval: who decided what, when, and why. */
export interface ApprovalRecord {
  decision: 'approved' | 'rejected' | 'timed out';
  by: string;
  reason: string;
  at: string;
}

export const approvalBy = (caller: Caller, decision: ApprovalRecord['decision'], reason: string): ApprovalRecord => ({
  decision,
  by: describeCaller(caller),
  reason,
  at: new Date().toISOString(),
});

/**
 * The request, locked, if it awaits approval; a 409 naming what happened to it otherwise. The lock
 * makes an approval and a rejection (or the timeout) that arrive together decide one after the
 * other: the second finds the request decided.
 */
export async function lockAwaitingApproval(manager: EntityManager, id: string): Promise<{ id: string; status: RequestStatus; version: number }> {
  if (!isUuid(id)) throw new NotFoundError('provisioning request', id);
  const [request]: { status: RequestStatus; version: number; approval: ApprovalRecord | null }[] = await manager.query(
    `SELECT status, version, approval FROM provisioning_requests WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!request) throw new NotFoundError('provisioning request', id);
  if (request.status !== 'AWAITING_APPROVAL') throw new NotAwaitingApprovalError(id, request.status, request.approval);
  return { id, status: request.status, version: request.version };
}
