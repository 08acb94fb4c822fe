import type { IaasSpec } from '../../domain/iaas-spec.js';
import type { IaasStepName, StepItem, StepStatus } from '../../domain/iaas-steps.js';
import type { RequestStatus } from '../../domain/request-status.js';

/** What a partner holds for a step's items. */
export type PartnerResourceType = 'org' | 'network' | 'volume' | 'vm' | 'vpn-link';

/**
 * A step item as the executor keeps it: the shared fields plus when its current partner operation
 * started (for polling and timeouts), its last error, and whether an undo gave up on it.
 */
export interface ExecutionItem extends StepItem {
  operationStartedAt?: string | null;
  error?: string | null;
  /** The key of the item's delete; a fresh one after a delete that failed but may be retried. */
  deleteKey?: string;
  /** The undo gave up: the resource is still at the partner. */
  leftover?: boolean;
}

export interface StepSnapshot {
  position: number;
  name: IaasStepName;
  status: StepStatus;
  attempts: number;
  compensationAttempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  items: ExecutionItem[];
  lastError: string | null;
}

/** A request and its steps as one job found them, at one version. */
export interface RequestSnapshot {
  id: string;
  tenantId: string;
  status: RequestStatus;
  version: number;
  cancelRequested: boolean;
  dataCentreCode: string;
  /** The partner that operates the data centre: whose backend every call goes to. */
  partner: string;
  spec: IaasSpec;
  steps: StepSnapshot[];
}

export interface RequestEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * What one job decided: the request's new status (if any) and columns, the steps it changed, the
 * events, side effects on other tables (capacity, deployment), and when to advance next (null:
 * nothing more to do until someone else acts). Committed in one transaction, guarded by version.
 */
export interface Transition {
  status?: RequestStatus;
  columns?: Record<string, unknown>;
  steps: StepSnapshot[];
  events: RequestEvent[];
  effects?: Effect[];
  next: { delayMs: number } | null;
}

export type Effect =
  | { kind: 'commit-capacity' }
  | { kind: 'release-capacity' }
  | { kind: 'record-deployment'; resources: DeploymentResource[] }
  | { kind: 'deployment-status'; status: 'decommissioned' };

export interface DeploymentResource {
  step: IaasStepName;
  item: string;
  partner: string;
  type: PartnerResourceType;
  id: string;
  /** Shared by the tenant's deployments at this partner (its org): never deleted by one of them. */
  shared: boolean;
}

/** What each partner step makes; power-on makes nothing (its items are the VMs it powers on). */
export const RESOURCE_TYPE_OF: Partial<Record<IaasStepName, PartnerResourceType>> = {
  'ensure-tenant-org': 'org',
  'create-network': 'network',
  'create-volumes': 'volume',
  'create-vms': 'vm',
  'create-hybrid-link': 'vpn-link',
};

/** The steps whose items are partner operations. */
export const PARTNER_STEPS: readonly IaasStepName[] = [
  'ensure-tenant-org',
  'create-network',
  'create-volumes',
  'create-vms',
  'create-hybrid-link',
  'power-on',
];

/** Steps whose undo deletes what they made; the org is the tenant's, power-on made nothing. */
export const UNDOABLE_STEPS: readonly IaasStepName[] = ['create-network', 'create-volumes', 'create-vms', 'create-hybrid-link'];

/** What planning a step's items reads of a request: a submission has it before the request is stored. */
export type PlanningView = Pick<RequestSnapshot, 'id' | 'tenantId' | 'partner' | 'spec' | 'steps'>;

export const stepNamed = (request: Pick<RequestSnapshot, 'steps'>, name: IaasStepName): StepSnapshot | undefined =>
  request.steps.find((step) => step.name === name);
