import { Injectable, Logger } from '@nestjs/common';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import type { AdvanceRequestJob } from '../../persistence/request-journal.js';
import { OutboxRelay } from '../relay/outbox-relay.js';
import { ProvisioningSaga } from './provisioning-saga.js';
import type { RequestSnapshot, Transition } from './request-snapshot.js';
import { RequestStore } from './request-store.js';
import { UndoSaga } from './undo-saga.js';

export type AdvanceOutcome = 'advanced' | 'stale' | 'idle' | 'lost-race';

/**
 * The executor: one unit of work on a request per job. A job scheduled at another version than
 * the request's is stale (a duplicate, a late retry, or the request moved on) and does nothing; so
 * does a job that loses the compare-and-set to a concurrent change, whose winner has scheduled
 * the next job already.
 */
@Injectable()
export class AdvanceRequest {
  private readonly logger = new Logger('AdvanceRequest');

  constructor(
    private readonly store: RequestStore,
    private readonly forward: ProvisioningSaga,
    private readonly backward: UndoSaga,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(job: AdvanceRequestJob): Promise<AdvanceOutcome> {
    const request = await this.store.loadAt(job.requestId, job.version);
    if (!request || request.version !== job.version) return 'stale';
    const transition = await this.decide(request, new Date());
    if (!transition) return 'idle';
    try {
      await this.store.commit(request, transition);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      this.logger.debug(`Request ${request.id} moved on while job ${job.requestId}.${job.version} ran; dropped.`);
      return 'lost-race';
    }
    if (transition.next) this.relay.wake();
    return 'advanced';
  }

  private decide(request: RequestSnapshot, now: Date): Promise<Transition | null> {
    switch (request.status) {
      case 'PROVISIONING':
        return this.forward.advance(request, now);
      case 'ROLLING_BACK':
      case 'DECOMMISSIONING':
        return this.backward.advance(request, now);
      default:
        // SUBMITTED is the API's; ACTIVE waits for a decommission; the rest are final.
        return Promise.resolve(null);
    }
  }
}
