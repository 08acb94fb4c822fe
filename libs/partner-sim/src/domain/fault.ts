import type { FaultKind, OperationAction, OutageStatus, ResourceType } from './vocabulary.js';

/**
 * A scheduled, deterministic fault: the next `remaining` calls that would start a matching
 * operation fail this way. Replays of an operation already started never consume one.
 */
export interface Fault {
  id: string;
  partner: string;
  action: OperationAction;
  /** Null matches every resource type. */
  resourceType: ResourceType | null;
  kind: FaultKind;
  count: number;
  remaining: number;
  /** Transient faults only: how the outage is answered. */
  httpStatus: OutageStatus | null;
  retryAfterSeconds: number | null;
}

export type NewFault = Omit<Fault, 'id' | 'remaining'>;
