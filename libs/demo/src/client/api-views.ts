/**
 * The parts of the API's answers the demo reads, as the OpenAPI document describes them. Written
 * by hand for now: the demo is an API client like any other and reads nothing else.
 */

export type RequestStatus =
  | 'SUBMITTED'
  | 'AWAITING_APPROVAL'
  | 'PROVISIONING'
  | 'ACTIVE'
  | 'REJECTED'
  | 'ROLLING_BACK'
  | 'ROLLED_BACK'
  | 'FAILED'
  | 'DECOMMISSIONING'
  | 'DECOMMISSIONED';

/** Where a request rests until someone acts: nothing more happens to it by itself. */
export const SETTLED_STATUSES: readonly RequestStatus[] = ['ACTIVE', 'REJECTED', 'ROLLED_BACK', 'FAILED', 'DECOMMISSIONED'];

export interface StepView {
  position: number;
  name: string;
  status: string;
  attempts: number;
  compensationAttempts: number;
  items: { key: string; status: string; resourceId: string | null; error: string | null; leftover: boolean }[];
  lastError: string | null;
}

export interface PlacementCandidateView {
  dataCentre: string;
  country: string;
  operator: string;
  outcome: 'chosen' | 'lost';
  reason: string;
}

export interface RuleResultView {
  kind: string;
  passed: boolean;
  reason: string;
}

export interface DecisionView {
  allowed: boolean;
  request: RuleResultView[];
  candidates: { dataCentre: string; country: string; operator: string; compliant: boolean; results: RuleResultView[] }[];
}

export interface ProvisioningRequestView {
  id: string;
  tenant: string;
  status: RequestStatus;
  dataCentre: string | null;
  progress: { done: number; total: number };
  version: number;
  cancelRequested: boolean;
  placement: { dataCentre: string | null; reason: string; candidates: PlacementCandidateView[] } | null;
  reservation: { dataCentre: string; status: string; vcpu: number } | null;
  steps: StepView[];
  failure: { reason?: string; detail?: string; leftovers?: unknown[] } | null;
  deployment: { id: string; status: string } | null;
  decision: DecisionView | null;
  createdAt: string;
  updatedAt: string;
}

/** A refusal: RFC 9457 problem+json, with this API's extensions where it adds them. */
export interface ProblemView {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId?: string;
  decision?: DecisionView;
  placement?: ProvisioningRequestView['placement'];
  errors?: { field: string; message: string }[];
}

export interface PoolsView {
  vcpu: number;
  memoryGib: number;
  storageGib: number;
  publicIps: number;
}

export interface DataCentreView {
  code: string;
  country: string;
  operator: string;
  status: string;
  capacity: PoolsView;
  used: PoolsView;
  free: PoolsView;
}

export interface DeploymentView {
  id: string;
  request: string;
  dataCentre: string;
  status: string;
  resources: { id: string; item: string; step: string; type: string; shared: boolean; partner: string }[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TenantView {
  id: string;
  name: string;
}

export interface ImageView {
  id: string;
  name: string;
}
