import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { ItemWork } from './item-work.js';
import {
  type DeploymentResource,
  PARTNER_STEPS,
  type PlanningView,
  type RequestEvent,
  RESOURCE_TYPE_OF,
  type RequestSnapshot,
  type StepSnapshot,
  type Transition,
} from './request-snapshot.js';
import { planItems } from './step-plans.js';
import { progressOf, retryDelayFor } from './step-progress.js';

/**
 * The way forward, one unit of work per job: start the next step, drive its partner operations
 * (start, poll, retry), and when the last is done commit the reservation and record the
 * deployment. Any permanent failure, or a cancel, turns the request to ROLLING_BACK.
 */
@Injectable()
export class ProvisioningSaga {
  constructor(
    private readonly items: ItemWork,
    private readonly config: AppConfig,
  ) {}

  async advance(request: RequestSnapshot, now: Date): Promise<Transition | null> {
    if (request.cancelRequested) return rollBack([], 'The request was cancelled.');
    const step = request.steps.find((s) => s.status !== 'succeeded' && s.status !== 'skipped');
    if (!step) return null;
    if (step.status === 'pending') return { steps: [begin(request, step, now)], events: [started(step)], next: { delayMs: 0 } };
    if (step.status === 'failed') return rollBack([], step.lastError ?? `Step '${step.name}' failed.`);
    if (step.name === 'commit-reservation') return activate(request, step, now);
    if (!PARTNER_STEPS.includes(step.name)) return succeed(request, step, step.items, now);
    return this.drive(request, step, now);
  }

  /** Starts what has not started, reads what is running, and decides what that means for the step. */
  private async drive(request: RequestSnapshot, step: StepSnapshot, now: Date): Promise<Transition> {
    const context = { request, step: step.name, now };
    const progress = progressOf(await Promise.all(step.items.map((item) => this.items.forward(context, item))), this.config, now);
    if (progress.permanent) return fail(step, progress.items, progress.permanent, now);
    if (progress.transient.length > 0) {
      const error = progress.transient[0].message;
      if (step.attempts >= this.config.steps.maxAttempts) {
        return fail(step, progress.items, `Gave up after ${step.attempts} attempts: ${error}`, now);
      }
      const delayMs = retryDelayFor(progress, step.attempts, this.config);
      return {
        steps: [{ ...step, items: progress.items, attempts: step.attempts + 1, lastError: error }],
        events: [{ type: 'step-attempt-failed', data: { step: step.name, attempt: step.attempts, error, nextDelayMs: delayMs } }],
        next: { delayMs },
      };
    }
    if (progress.items.every((item) => item.status === 'succeeded')) return succeed(request, step, progress.items, now);
    return { steps: [{ ...step, items: progress.items }], events: [], next: { delayMs: progress.pollDelayMs } };
  }
}

/**
 * Begins the first pending step of a request that goes straight to PROVISIONING, for the
 * submission's transaction to write: the request's first job then drives the step (calls the
 * partner) at once, instead of a job of its own that only begins it.
 */
export function beginFirstStep(request: PlanningView, now: Date): { step: StepSnapshot; event: RequestEvent } | null {
  const step = request.steps.find((s) => s.status === 'pending');
  return step ? { step: begin(request, step, now), event: started(step) } : null;
}

function begin(request: PlanningView, step: StepSnapshot, now: Date): StepSnapshot {
  return { ...step, status: 'running', attempts: 1, startedAt: now, finishedAt: null, items: planItems(request, step.name), lastError: null };
}

const started = (step: StepSnapshot) => ({ type: 'step-started', data: { step: step.name, attempt: 1 } });

/** The step is done; the next one (skipped ones aside) begins in the same transaction. */
function succeed(request: RequestSnapshot, step: StepSnapshot, items: StepSnapshot['items'], now: Date): Transition {
  const done: StepSnapshot = { ...step, status: 'succeeded', items, finishedAt: now, lastError: null };
  const resources = items.flatMap((item) => (item.resourceId ? [item.resourceId] : []));
  const events = [{ type: 'step-succeeded', data: { step: step.name, attempts: step.attempts, resources } }];
  const following = request.steps.find((s) => s.position > step.position && s.status === 'pending');
  if (!following) return { steps: [done], events, next: { delayMs: 0 } };
  const updated = { ...request, steps: request.steps.map((s) => (s.position === step.position ? done : s)) };
  return { steps: [done, begin(updated, following, now)], events: [...events, started(following)], next: { delayMs: 0 } };
}

function fail(step: StepSnapshot, items: StepSnapshot['items'], error: string, now: Date): Transition {
  const failed: StepSnapshot = { ...step, status: 'failed', items, finishedAt: now, lastError: error };
  return rollBack([failed], `Step '${step.name}' failed: ${error}`, [
    { type: 'step-failed', data: { step: step.name, attempts: step.attempts, error } },
  ]);
}

function rollBack(steps: StepSnapshot[], reason: string, before: Transition['events'] = []): Transition {
  return { status: 'ROLLING_BACK', steps, events: [...before, { type: 'rollback-started', data: { reason } }], next: { delayMs: 0 } };
}

/** The last step: capacity held → committed, the deployment recorded with every partner resource, ACTIVE. */
function activate(request: RequestSnapshot, step: StepSnapshot, now: Date): Transition {
  const resources: DeploymentResource[] = request.steps.flatMap((s) => {
    const type = RESOURCE_TYPE_OF[s.name];
    if (!type || s.status !== 'succeeded') return [];
    return s.items.flatMap((item) =>
      item.resourceId
        ? [{ step: s.name, item: item.key, partner: request.partner, type, id: item.resourceId, shared: s.name === 'ensure-tenant-org' }]
        : [],
    );
  });
  return {
    status: 'ACTIVE',
    steps: [{ ...step, status: 'succeeded', finishedAt: now, lastError: null }],
    events: [
      { type: 'step-succeeded', data: { step: step.name, attempts: step.attempts, resources: [] } },
      { type: 'request-active', data: { resources: resources.length } },
    ],
    effects: [{ kind: 'commit-capacity' }, { kind: 'record-deployment', resources }],
    next: null,
  };
}
