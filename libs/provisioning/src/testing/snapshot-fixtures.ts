import type { IaasStepName } from '../domain/iaas-steps.js';
import type { StepSnapshot } from '../execution/executor/request-snapshot.js';

/** Builders for the executor's specs. No test framework in here. */

/** A step as a fresh request holds it, never attempted: overrides say what happened to it. */
export const stepSnapshot = (position: number, name: IaasStepName, status: StepSnapshot['status'], overrides: Partial<StepSnapshot> = {}): StepSnapshot => ({
  position,
  name,
  status,
  attempts: 0,
  compensationAttempts: 0,
  startedAt: null,
  finishedAt: null,
  items: [],
  lastError: null,
  ...overrides,
});
