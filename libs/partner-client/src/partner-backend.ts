// The port the control plane drives partner backends through (China Telecom, SoftBank, the
// provider's own sites). Partner operations are asynchronous: start one, then poll it. Every
// start carries an idempotency key: the same key and request again answer with the same
// operation, so a step run twice creates nothing twice. No method retries: a failure is thrown
// as a TransientPartnerError (retry later) or a PermanentPartnerError (don't), and the caller
// decides, without holding a worker slot while it waits.

export const RESOURCE_TYPES = ['org', 'network', 'volume', 'vm', 'vpn-link'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type ResourceState = 'creating' | 'active' | 'deleting' | 'deleted';
export type PowerState = 'off' | 'on';
export type OperationAction = 'create' | 'delete' | 'power-on';
export type OperationStatus = 'running' | 'succeeded' | 'failed';

export interface PartnerOperationError {
  /** Stable slug, e.g. `insufficient-capacity`. */
  code: string;
  message: string;
  /** True: the same request cannot succeed. (The simulator's failed operations always are.) */
  permanent: boolean;
}

export interface PartnerOperation {
  id: string;
  partner: string;
  action: OperationAction;
  /** `running` until its time has come; then `succeeded` or `failed`, for good. */
  status: OperationStatus;
  resourceType: ResourceType;
  /** Known from the start, also for a create: record it before polling, to compensate later. */
  resourceId: string;
  createdAt: string;
  completedAt: string | null;
  /** Set only when status is `failed`. */
  error: PartnerOperationError | null;
}

export interface PartnerResource {
  id: string;
  partner: string;
  type: ResourceType;
  state: ResourceState;
  /** VMs only; null for every other type. */
  power: PowerState | null;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  createdAt: string;
  deletedAt: string | null;
}

/** Every resource is labelled with its tenant and the provisioning request that made it; more labels are kept as given. */
export interface ResourceLabels {
  tenant: string;
  request: string;
  [label: string]: string;
}

export interface ResourceFilter {
  request?: string;
  tenant?: string;
  type?: ResourceType;
  /** Default: every state but `deleted`; `all` includes deleted resources. */
  state?: ResourceState | 'all';
}

export abstract class PartnerBackend {
  /**
   * Starts creating a resource. The answer may already be finished (a partner with no latency):
   * poll with getOperation while its status is `running`.
   */
  abstract startCreate(
    partner: string,
    type: ResourceType,
    spec: Record<string, unknown>,
    labels: ResourceLabels,
    idempotencyKey: string,
  ): Promise<PartnerOperation>;

  /** Starts deleting a resource; deleting one already deleted starts an operation that succeeds. Unknown id: PermanentPartnerError with status 404. */
  abstract startDelete(partner: string, resourceId: string, idempotencyKey: string): Promise<PartnerOperation>;

  /** Starts powering on an active vm (another type: 422; not active yet or any more: 409; both permanent). */
  abstract startPowerOn(partner: string, resourceId: string, idempotencyKey: string): Promise<PartnerOperation>;

  /** The operation as of now. A failed one is returned, not thrown: see operationFailure(). */
  abstract getOperation(partner: string, operationId: string): Promise<PartnerOperation>;

  /** The partner's resources matching the filter, oldest first. */
  abstract listResources(partner: string, filter?: ResourceFilter): Promise<PartnerResource[]>;
}
