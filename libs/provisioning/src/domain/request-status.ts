import { InvalidTransitionError } from '#libs/core/src/domain/domain-error.js';

/** The lifecycle of ARCHITECTURE.md (approval states arrive with the policy issue). */
export const REQUEST_STATUSES = [
  'SUBMITTED',
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
  SUBMITTED: ['PROVISIONING', 'REJECTED'],
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
