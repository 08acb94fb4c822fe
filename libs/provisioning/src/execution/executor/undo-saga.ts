import { Injectable } from '@nestjs/common';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { ItemWork } from './item-work.js';
import {
  type ExecutionItem,
  PARTNER_STEPS,
  RESOURCE_TYPE_OF,
  type RequestSnapshot,
  type StepSnapshot,
  type Transition,
  UNDOABLE_STEPS,
} from './request-snapshot.js';
import { progressOf, retryDelayFor } from './step-progress.js';

/** Steps that did (or may have done) something at the partner, and have not been undone yet. */
const TO_UNDO: readonly StepSnapshot['status'][] = ['succeeded', 'running', 'failed', 'compensating'];

/**
 * The way back, for a rollback (ROLLING_BACK) and a decommission (DECOMMISSIONING) alike: undo
 * the steps in reverse order, one step's items at a time, until nothing of the request is left
 * at the partner; then give the capacity back. An undo that cannot finish leaves its resources
 * listed as leftovers, the request FAILED and the capacity held (it is still in use).
 */
@Injectable()
export class UndoSaga {
  constructor(
    private readonly items: ItemWork,
    private readonly config: AppConfig,
  ) {}

  async advance(request: RequestSnapshot, now: Date): Promise<Transition> {
    const step = [...request.steps].reverse().find((s) => PARTNER_STEPS.includes(s.name) && TO_UNDO.includes(s.status));
    if (!step) return finish(request, now);
    if (!UNDOABLE_STEPS.includes(step.name)) {
      // The org is the tenant's, shared with its other requests; a powered-on VM goes with the VM.
      return {
        steps: [{ ...step, status: 'compensated' }],
        events: [{ type: 'compensation-succeeded', data: { step: step.name, nothingToUndo: true } }],
        next: { delayMs: 0 },
      };
    }
    return this.undo(request, step, now);
  }

  private async undo(request: RequestSnapshot, step: StepSnapshot, now: Date): Promise<Transition> {
    const first = step.status !== 'compensating';
    const attempt = first ? 1 : step.compensationAttempts;
    const events: Transition['events'] = first ? [{ type: 'compensation-started', data: { step: step.name } }] : [];
    const context = { request, step: step.name, now };
    const progress = progressOf(await Promise.all(step.items.map((item) => this.items.backward(context, item))), this.config, now);
    const working: StepSnapshot = { ...step, status: 'compensating', compensationAttempts: attempt, items: progress.items };

    if (progress.transient.length > 0 && !isSettled(progress.items)) {
      const error = progress.transient[0].message;
      if (attempt < this.config.steps.maxAttempts) {
        const delayMs = retryDelayFor(progress, attempt, this.config);
        return {
          // The step's last error stays the one that failed it; the undo's tries are in the events.
          steps: [{ ...working, compensationAttempts: attempt + 1 }],
          events: [...events, { type: 'compensation-attempt-failed', data: { step: step.name, attempt, error, nextDelayMs: delayMs } }],
          next: { delayMs },
        };
      }
      // Retries spent: whatever is not gone yet stays behind.
      const givenUp = progress.items.map((item) => (isSettledItem(item) ? item : { ...item, leftover: true, error }));
      return settle(request, { ...working, items: givenUp }, events, `Gave up after ${attempt} attempts: ${error}`);
    }
    if (isSettled(progress.items)) return settle(request, working, events, progress.permanent);
    return { steps: [working], events, next: { delayMs: progress.pollDelayMs } };
  }
}

const isSettledItem = (item: ExecutionItem): boolean => item.status === 'deleted' || item.status === 'failed' || item.leftover === true;
const isSettled = (items: ExecutionItem[]): boolean => items.every(isSettledItem);

/** Every item of the step is gone, or given up on. */
function settle(request: RequestSnapshot, step: StepSnapshot, events: Transition['events'], error: string | null): Transition {
  const leftovers = leftoversOf(request, [step]);
  if (leftovers.length === 0) {
    return {
      steps: [{ ...step, status: 'compensated' }],
      events: [...events, { type: 'compensation-succeeded', data: { step: step.name } }],
      next: { delayMs: 0 },
    };
  }
  return {
    steps: [{ ...step, status: 'compensation-failed', lastError: error }],
    events: [...events, { type: 'compensation-failed', data: { step: step.name, error, leftovers } }],
    next: { delayMs: 0 },
  };
}

/** Nothing left to undo: the request's final state. */
function finish(request: RequestSnapshot, now: Date): Transition {
  const decommission = request.status === 'DECOMMISSIONING';
  const leftovers = leftoversOf(request, request.steps);
  if (leftovers.length > 0) {
    const reason =
      `${decommission ? 'Decommission' : 'Rollback'} could not delete ${leftovers.length} partner resource(s), listed in leftovers; ` +
      'the request keeps its capacity reservation until they are cleaned up.';
    return {
      status: 'FAILED',
      columns: { failure: { reason, leftovers }, finished_at: now },
      steps: [],
      events: [{ type: 'request-failed', data: { reason, leftovers } }],
      next: null,
    };
  }
  // The capacity steps' undo is the release itself.
  const capacitySteps = request.steps
    .filter((s) => (s.name === 'reserve-capacity' || s.name === 'commit-reservation') && s.status === 'succeeded')
    .map((s): StepSnapshot => ({ ...s, status: 'compensated' }));
  return {
    status: decommission ? 'DECOMMISSIONED' : 'ROLLED_BACK',
    columns: { finished_at: now },
    steps: capacitySteps,
    events: [
      { type: 'capacity-released', data: {} },
      { type: decommission ? 'request-decommissioned' : 'request-rolled-back', data: {} },
    ],
    effects: [{ kind: 'release-capacity' }, ...(decommission ? [{ kind: 'deployment-status', status: 'decommissioned' } as const] : [])],
    next: null,
  };
}

function leftoversOf(request: RequestSnapshot, steps: StepSnapshot[]) {
  return steps.flatMap((step) =>
    step.items
      .filter((item) => item.leftover)
      .map((item) => ({
        partner: request.partner,
        type: RESOURCE_TYPE_OF[step.name] ?? null,
        resourceId: item.resourceId,
        step: step.name,
        item: item.key,
        error: item.error ?? null,
      })),
  );
}
