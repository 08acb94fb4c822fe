/**
 * Errors the domain raises. They carry a stable kind and a sentence a person can act on;
 * the HTTP layer maps the kind to a status and a problem type, the domain knows neither.
 */
export type DomainErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'duplicate'
  | 'rule-violation'
  | 'invalid-transition';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** Stable slug, becomes part of the problem `type` URI. */
  abstract readonly code: string;

  constructor(
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  readonly code = 'not-found';

  constructor(resource: string, id: string) {
    super(`No ${resource} '${id}' exists.`, { resource, id });
  }
}

export class DuplicateError extends DomainError {
  readonly kind = 'duplicate';
  readonly code = 'duplicate';

  constructor(resource: string, field: string, value: string) {
    super(`${/^[aeiou]/i.test(resource) ? 'An' : 'A'} ${resource} with ${field} '${value}' already exists.`, {
      resource,
      field,
      value,
    });
  }
}

/** A business rule refused the change; `code` names the rule. */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule-violation';

  constructor(
    readonly code: string,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail, extensions);
  }
}

export class InvalidTransitionError extends DomainError {
  readonly kind = 'invalid-transition';
  readonly code = 'invalid-transition';

  constructor(resource: string, from: string, to: string, hint?: string) {
    super(`A ${resource} cannot go from '${from}' to '${to}'.${hint ? ` ${hint}` : ''}`, { from, to });
  }
}

/** Someone else changed the object between our read and our write; the caller may retry. */
export class ConcurrentUpdateError extends DomainError {
  readonly kind = 'invalid-transition';
  readonly code = 'concurrent-update';

  constructor(resource: string, id: string) {
    super(`The ${resource} '${id}' was changed by another request at the same time; read it again and retry.`, {
      resource,
      id,
    });
  }
}

/** No usable credentials. Deliberately one message: never say whether a key exists or was revoked. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code = 'unauthenticated';

  constructor() {
    super('A valid API key is required: send it as "Authorization: Bearer <key>".');
  }
}

/** The caller can see the object but its role may not do this to it. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'forbidden';

  constructor(role: string, action: string) {
    super(`The role '${role}' may not ${action}.`, { role });
  }
}
