import type { Fault, NewFault } from './fault.js';
import type { NewOperation, SimOperation } from './operation.js';
import type { SimulationProfile } from './profile.js';
import type { NewResource, SimResource } from './resource.js';
import type { OperationAction, OperationStatus, ResourceState, ResourceType } from './vocabulary.js';

// Ports: abstract classes double as DI tokens; ../persistence implements them with TypeORM.

/** Chance and fresh ids, behind a port so use cases can be driven deterministically. */
export abstract class RandomSource {
  /** A number in [0, 1). */
  abstract next(): number;
  /** A fresh, unguessable id suffix (lower-case hex). */
  abstract uniqueId(): string;
}

/**
 * What a call on an existing resource or operation acts on, for seeded draws (call-identity.ts).
 * Read only: nothing is completed or locked, since the partner may yet refuse the call.
 */
export abstract class CallTargets {
  /** Null: the partner has no resource by that id. */
  abstract resource(partner: string, id: string): Promise<CallTarget | null>;
  /** Null: the partner has no operation by that id. */
  abstract operation(partner: string, id: string): Promise<CallTarget | null>;
}

/** A resource's type and labels (which never change), and for an operation its action. */
export interface CallTarget {
  type: ResourceType;
  labels: Record<string, string>;
  /** The operation's action; null for a call on the resource itself. */
  action: OperationAction | null;
}

export abstract class ProfileRepository {
  /** Null when the partner was never configured: it behaves as DEFAULT_PROFILE. */
  abstract find(partner: string): Promise<SimulationProfile | null>;
  abstract save(partner: string, profile: SimulationProfile): Promise<void>;
  abstract remove(partner: string): Promise<void>;
}

export abstract class FaultRepository {
  abstract add(fault: NewFault): Promise<Fault>;
  /** The partner's faults that still have calls to fail, oldest first. */
  abstract listPending(partner: string): Promise<Fault[]>;
  /** Removes every fault of the partner; returns how many there were. */
  abstract clear(partner: string): Promise<number>;
}

/**
 * The operations and resources of every partner. Time moves operations on: an operation whose
 * completion time has passed is completed (its planned outcome applied to its resource) by the
 * first call that looks at it or its resource.
 */
export abstract class OperationLedger {
  /** Runs `work` in one transaction; of calls racing with one key, one records its operation and the others replay it. */
  abstract withIdempotencyKey<T>(partner: string, idempotencyKey: string, work: (tx: LedgerTransaction) => Promise<T>): Promise<T>;
  /**
   * Records a new operation at once, outside any transaction, unless its key already has one, a
   * fault is scheduled for the call, or (`expected`, for an operation on an existing resource) the
   * resource is not in that condition with nothing running on it: then null, and the call takes
   * withIdempotencyKey's way (which replays, takes the fault, or settles the resource first).
   */
  abstract recordAtOnce(entry: OperationRecord, expected: Pick<SimResource, 'state' | 'power'> | null): Promise<SimOperation | null>;
  /** The operation as of now (completed first if its time has come); null if the partner has none by that id. */
  abstract findOperation(partner: string, id: string): Promise<SimOperation | null>;
  /** Completes every operation of the partner whose time has come, so a listing shows the present. */
  abstract settleDue(partner: string): Promise<void>;
  /** The partner's resources that match, oldest first, as of now (its due operations completed first). */
  abstract listResources(partner: string, filter: ResourceFilter): Promise<SimResource[]>;
}

/** A listing's filter; a deleted resource is listed only for state `deleted` or `all`. */
export interface ResourceFilter {
  request?: string;
  tenant?: string;
  type?: ResourceType;
  state?: ResourceState | 'all';
}

export interface LedgerTransaction {
  operationByKey(partner: string, idempotencyKey: string): Promise<SimOperation | null>;
  /** The resource, locked until the transaction ends, with its due operations completed first. */
  lockResource(partner: string, id: string): Promise<SimResource | null>;
  /** Consumes one call of the oldest pending fault matching the call, if any. */
  takeFault(partner: string, action: OperationAction, type: ResourceType): Promise<Fault | null>;
  /** Completes the resource's due operations, so a replay answers with the present. */
  settleResource(resourceId: string): Promise<void>;
  operation(id: string): Promise<SimOperation>;
  /** Writes a new operation and its resource as the operation leaves it; every time is the database's now(). */
  record(entry: OperationRecord): Promise<SimOperation>;
}

export interface OperationRecord {
  operation: NewOperation;
  /** `running`, due `latencyMs` from now; or already finished (no latency). */
  status: OperationStatus;
  latencyMs: number;
  /** The resource to insert (a create) or update; null: the operation leaves it as it is. */
  resource: { value: NewResource; isNew: boolean } | null;
}
