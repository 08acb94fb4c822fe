import type { PartnerOperation } from './partner-backend.js';

/** A partner call that did not do what was asked; `permanent` says whether trying again can help. */
export abstract class PartnerError extends Error {
  abstract readonly permanent: boolean;

  constructor(
    message: string,
    readonly partner: string,
    /** The HTTP status the partner answered with; null when none came (network, timeout) or for a failed operation. */
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Try again later, with the same idempotency key: 5xx, 408, 429, timeouts, refused or reset
 * connections, an unreadable answer. The call may or may not have taken effect; the key makes a
 * retry safe either way.
 */
export class TransientPartnerError extends PartnerError {
  readonly permanent = false;

  constructor(
    message: string,
    partner: string,
    status: number | null,
    /** What the partner asked for in Retry-After; null when it said nothing. Wait at least this long. */
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, partner, status, options);
  }
}

/** Trying again cannot help: a 4xx other than 408/429, or an operation that failed for good. */
export class PermanentPartnerError extends PartnerError {
  readonly permanent = true;

  constructor(
    message: string,
    partner: string,
    status: number | null,
    /** Stable slug: the problem type's last segment (e.g. `not-found`, `idempotency-key-reused`) or the operation's error code. */
    readonly code: string,
    /** The failed operation, when that is what this error reports. */
    readonly operation: PartnerOperation | null = null,
  ) {
    super(message, partner, status);
  }
}

/**
 * What a finished operation's failure means for the caller: null if it did not fail. A permanent
 * failure is a PermanentPartnerError; a non-permanent one a TransientPartnerError, to be retried
 * by starting the operation again with a new idempotency key (the old key replays the failure).
 */
export function operationFailure(operation: PartnerOperation): PartnerError | null {
  if (operation.status !== 'failed') return null;
  const error = operation.error ?? { code: 'operation-failed', message: 'The operation failed.', permanent: true };
  const message = `${operation.partner}: ${operation.action} of ${operation.resourceType} ${operation.resourceId} failed: ${error.message} (${error.code})`;
  return error.permanent
    ? new PermanentPartnerError(message, operation.partner, null, error.code, operation)
    : new TransientPartnerError(message, operation.partner, null, null);
}
