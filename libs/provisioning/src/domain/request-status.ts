import { InvalidTransitionError } from '#libs/core/src/domain/domain-error.js';

/**
 * The lifecycle of ARCHITECTURE.md. Approval happens after placement (the capacity is held while
 * the request waits), so an approved request goes straight to PROVISIONING: no APPROVED state.
 */
export const REQUEST_STATUSES = [
  'SUBMITTED',
  'AWAITING_APPROVAL',
  'REJECTED',
  'PROVISIONING',
  'ACTIVE',
  'ROLLING_BACK',
  'ROLLED_BACK',
  'FAILED',
  'DECOMMISSIONING',
  'DECOMMISSIONED',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  SUBMITTED: ['PROVISIONING', 'AWAITING_APPROVAL', 'REJECTED'],
  // Rejected by an operator or the timeout; a cancel rolls back like any other request not yet ACTIVE.
  AWAITING_APPROVAL: ['PROVISIONING', 'REJECTED', 'ROLLING_BACK'],
  REJECTED: [],
  PROVISIONING: ['ACTIVE', 'ROLLING_BACK'],
  ACTIVE: ['DECOMMISSIONING'],
  ROLLING_BACK: ['ROLLED_BACK', 'FAILED'],
  ROLLED_BACK: [],
  FAILED: [],
  DECOMMISSIONING: ['DECOMMISSIONED', 'FAILED'],
  DECOMMISSIONED: [],
};

export const FINAL_STATUSES: readonly RequestStatus[] = ['REJECTED', 'ROLLED_BACK', 'FAILED', 'DECOMMISSIONED'];

export const isFinal = (status: RequestStatus): boolean => FINAL_STATUSES.includes(status);

export const canTransition = (from: RequestStatus, to: RequestStatus): boolean => NEXT[from].includes(to);

/** Guards every status change: a late or duplicate job can never move a request backwards. */
export function assertTransition(from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) {
    throw new InvalidTransitionError('provisioning request', from, to, `From '${from}' it may go to: ${NEXT[from].join(', ') || 'nothing (final)'}.`);
  }
}
