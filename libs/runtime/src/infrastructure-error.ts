/** What a person runs instead when the embedded default cannot serve: the compose file's servers. */
export const INSTEAD =
  'Instead, run PostgreSQL and Redis from the compose file: docker compose -f docker/compose.yaml up -d postgres redis\n' +
  'and start with DATABASE_URL=postgres://control_plane:control_plane@127.0.0.1:5432/control_plane REDIS_URL=redis://127.0.0.1:6379';

/**
 * The one message a start-up stops with when the infrastructure cannot be had: what failed and
 * what to run instead. Printed as it is, never with a stack trace.
 */
export class InfrastructureError extends Error {
  constructor(
    /** What failed, in a sentence a person can act on. */
    readonly failure: string,
    /** What provides it instead. */
    readonly instead: string = INSTEAD,
  ) {
    super(`${failure}\n${instead}`);
    this.name = 'InfrastructureError';
  }
}

/** Why the embedded PostgreSQL could not start, for the message and for tests. */
export type EmbeddedFailure = 'no-binary' | 'port-taken' | 'shared-memory' | 'data-dir' | 'no-user' | 'not-traversable' | 'failed';

export class EmbeddedPostgresError extends InfrastructureError {
  constructor(
    readonly reason: EmbeddedFailure,
    detail: string,
  ) {
    super(`Cannot start the embedded PostgreSQL: ${detail}`);
    this.name = 'EmbeddedPostgresError';
  }
}
