import type { IaasSpec } from './iaas-spec.js';

/**
 * The IaaS steps of ARCHITECTURE.md, in order. Each partner step's undo is deleting what it made;
 * rollback and decommission both run the undos of the finished steps in reverse.
 */
export const IAAS_STEPS = [
  'reserve-capacity',
  'ensure-tenant-org',
  'create-network',
  'create-volumes',
  'create-vms',
  'create-hybrid-link',
  'power-on',
  'commit-reservation',
] as const;
export type IaasStepName = (typeof IAAS_STEPS)[number];

export const STEP_STATUSES = [
  'pending',
  'running',
  'succeeded',
  'failed',
  'skipped',
  'compensating',
  'compensated',
  'compensation-failed',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** One unit of partner work within a step: one network, one volume, one VM… */
export interface StepItem {
  /** Stable within the request: `vm-0`, `volume-1`… */
  key: string;
  /** Derived from request, step and item, so a step run twice creates nothing twice. */
  idempotencyKey: string;
  operationId: string | null;
  resourceId: string | null;
  status: 'pending' | 'running' | 'succeeded' | 'failed' | 'deleting' | 'deleted';
}

export const stepsFor = (spec: IaasSpec): { name: IaasStepName; skipped: boolean }[] =>
  IAAS_STEPS.map((name) => ({ name, skipped: name === 'create-hybrid-link' && spec.hybridLink === null }));

export const idempotencyKeyFor = (requestId: string, step: IaasStepName, itemKey: string, action: 'create' | 'delete' | 'power-on'): string =>
  `${requestId}:${step}:${itemKey}:${action}`;
