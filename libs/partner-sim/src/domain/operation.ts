import { partnerPrefix } from './resource.js';
import type { OperationAction, OperationStatus, PowerState, ResourceState, ResourceType } from './vocabulary.js';

export interface OperationError {
  code: string;
  message: string;
  /** Retrying the same request cannot help. */
  permanent: boolean;
}

/** An asynchronous partner operation: started by one call, finished when its time has come. */
export interface SimOperation {
  id: string;
  partner: string;
  action: OperationAction;
  resourceId: string;
  resourceType: ResourceType;
  idempotencyKey: string;
  fingerprint: string;
  status: OperationStatus;
  /** Decided when the operation starts and revealed when it completes; null: it succeeds. */
  plannedError: OperationError | null;
  completesAt: Date;
  completedAt: Date | null;
  createdAt: Date;
}

export type NewOperation = Omit<SimOperation, 'status' | 'completesAt' | 'completedAt' | 'createdAt'>;

export const newOperationId = (partner: string, unique: string): string => `${partnerPrefix(partner)}-op-${unique}`;

/** The error a partner reports for an operation that failed for good. */
export function permanentErrorFor(action: OperationAction, type: ResourceType, resourceId: string, partner: string): OperationError {
  switch (action) {
    case 'create':
      return { code: 'insufficient-capacity', message: `${partner} has no capacity left for this ${type}.`, permanent: true };
    case 'delete':
      return { code: 'resource-locked', message: `${partner} refused to delete ${type} ${resourceId}: it is locked.`, permanent: true };
    case 'power-on':
      return { code: 'power-on-failed', message: `${partner} could not power on vm ${resourceId}: its host failed.`, permanent: true };
  }
}

export interface CompletionContext {
  /** Another create of this resource is still running (a delete may overtake it). */
  createPending: boolean;
}

/** What an operation acts on: enough of its resource to apply an outcome. */
export interface ResourceCondition {
  type: ResourceType;
  state: ResourceState;
  power: PowerState | null;
}

export interface Completion {
  status: Exclude<OperationStatus, 'running'>;
  /** The resource as the operation leaves it (its deletion time is the operation's completion). */
  resource: { state: ResourceState; power: PowerState | null };
}

/**
 * Applies a due operation's outcome to its resource. Effects are guarded by the resource's
 * current state, so operations that overlap (a delete started while the create still runs)
 * never bring a deleted resource back.
 */
export function completeOperation(
  operation: Pick<SimOperation, 'action' | 'plannedError'>,
  resource: ResourceCondition,
  context: CompletionContext,
): Completion {
  const succeeded = operation.plannedError === null;
  const status = succeeded ? 'succeeded' : 'failed';
  const unchanged = { state: resource.state, power: resource.power };
  const gone = { state: 'deleted' as const, power: resource.power && ('off' as const) };
  switch (operation.action) {
    case 'create':
      // A failed create leaves nothing live behind.
      if (!succeeded) return { status, resource: resource.state === 'deleted' ? unchanged : gone };
      return { status, resource: resource.state === 'creating' ? { ...unchanged, state: 'active' } : unchanged };
    case 'delete':
      if (succeeded) return { status, resource: resource.state === 'deleted' ? unchanged : gone };
      return {
        status,
        resource: resource.state === 'deleting' ? { ...unchanged, state: context.createPending ? 'creating' : 'active' } : unchanged,
      };
    case 'power-on':
      return {
        status,
        resource: succeeded && resource.state === 'active' && resource.type === 'vm' ? { ...unchanged, power: 'on' } : unchanged,
      };
  }
}
