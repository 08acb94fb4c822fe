import { DomainError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import type { Outage } from './call-plan.js';
import type { ResourceState } from './vocabulary.js';

/** Same key, another request: the key is bound to its first request for good. */
export class IdempotencyKeyReusedError extends RuleViolationError {
  constructor(key: string) {
    super(
      'idempotency-key-reused',
      `The Idempotency-Key '${key}' was already used for a different request; send a new key for a new request.`,
      { idempotencyKey: key },
    );
  }
}

export class NotAVmError extends RuleViolationError {
  constructor(id: string, type: string) {
    super('not-a-vm', `Only a vm can be powered on; ${id} is a ${type}.`, { resourceId: id, type });
  }
}

/** The resource exists but is not in a state where the action makes sense (yet, or any more). */
export class ResourceNotActiveError extends DomainError {
  readonly kind = 'invalid-transition';
  readonly code = 'resource-not-active';

  constructor(id: string, state: ResourceState) {
    super(`The resource ${id} is ${state}; only an active resource can be powered on.`, { resourceId: id, state });
  }
}

/** The partner is (simulated to be) unavailable: the call did nothing, and may be retried. */
export class SimulatedOutageError extends Error {
  constructor(
    readonly partner: string,
    readonly outage: Outage,
  ) {
    super(
      outage.status === 429
        ? `${partner} is throttling calls; retry after ${outage.retryAfterSeconds ?? 1} s.`
        : `${partner} is temporarily unavailable; retry later.`,
    );
    this.name = 'SimulatedOutageError';
  }
}
