import type { EntityManager } from 'typeorm';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { assertTransition, type RequestStatus } from '../domain/request-status.js';
import type { StepStatus } from '../domain/iaas-steps.js';

/**
 * The writes every state change of a request makes, always together: the guarded change itself,
 * its events in the append-only log, and the work it causes (outbox). One statement, so a crash
 * between them is impossible; a crash after commit loses nothing (the relay re-sends).
 */

export const PROVISIONING_QUEUE = 'provisioning';
export const ADVANCE_REQUEST_JOB = 'advance-request';

/** The payload of an advance job: which request, at which version it was scheduled. */
export interface AdvanceRequestJob {
  requestId: string;
  version: number;
}

/** The outbox id, and job id, of the advance scheduled at `version`: one per state change. */
export const advanceJobId = (requestId: string, version: number): string => `${requestId}.${version}`;

export interface RequestEvent {
  type: string;
  data: Record<string, unknown>;
}

/** A step row as a change rewrites it (the executor's). */
export interface StepWrite {
  position: number;
  status: StepStatus;
  attempts: number;
  compensationAttempts: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  items: unknown[];
  lastError: string | null;
}

export interface RequestChange {
  /** Columns of provisioning_requests to set, status among them. */
  columns: { status?: RequestStatus; [column: string]: unknown };
  events: RequestEvent[];
  /** Schedules the next advance this long from now; null: nothing to do until someone acts. */
  next: { delayMs: number } | null;
  steps?: StepWrite[];
  /** Further writes in the same statement, each run only if the compare-and-set won (see ChangeWrite). */
  also?: ChangeWrite[];
}

/**
 * A data-modifying CTE body that joins `changed` (the compare-and-set's RETURNING id) so it writes
 * only when the change goes in. `param` binds a value and answers its placeholder.
 */
export type ChangeWrite = (param: (value: unknown) => string) => string;

/**
 * Compare-and-set on status and version, with the change's steps, events and outbox row, in one
 * statement: every write joins the compare-and-set's RETURNING, so a change that finds the
 * request moved on (ConcurrentUpdateError) writes nothing at all. The outbox id (the job id) is
 * derived from the request and its new version: a state change schedules at most one job, and
 * duplicates drop. Returns the new version.
 */
export async function recordChange(
  manager: EntityManager,
  request: { id: string; status: RequestStatus; version: number },
  change: RequestChange,
): Promise<number> {
  const { columns, events, next, steps = [], also = [] } = change;
  if (columns.status !== undefined && columns.status !== request.status) assertTransition(request.status, columns.status);
  const names = Object.keys(columns);
  const version = request.version + 1;
  const extra: unknown[] = [];
  const param = (value: unknown): string => `$${9 + names.length + extra.push(value)}`;
  const alsoWrites = also.map((write, i) => `, also_${i} AS (${write(param)})`).join('');
  const { rows } = await preparedQuery(
    manager,
    `WITH changed AS (
       UPDATE provisioning_requests
       SET ${[...names.map((column, i) => `${column} = $${i + 10}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $1 AND status = $2 AND version = $3
       RETURNING id
     ), steps AS (${stepsUpdate('changed', '$4::jsonb')}), events AS (
       INSERT INTO request_events (request_id, type, data)
       SELECT changed.id, e.event->>'type', e.event->'data'
       FROM changed, jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(event, n) ORDER BY e.n
     ), scheduled AS (
       INSERT INTO outbox (id, queue, job_name, payload, available_at)
       SELECT $6, '${PROVISIONING_QUEUE}', '${ADVANCE_REQUEST_JOB}', $7, now() + make_interval(secs => $8::double precision / 1000)
       FROM changed WHERE $9
       ON CONFLICT (id) DO NOTHING
     )${alsoWrites}
     SELECT 1 FROM changed`,
    [
      request.id,
      request.status,
      request.version,
      JSON.stringify(steps.map(toStepRow)),
      JSON.stringify(events),
      advanceJobId(request.id, version),
      JSON.stringify({ requestId: request.id, version } satisfies AdvanceRequestJob),
      Math.max(0, Math.round(next?.delayMs ?? 0)),
      next !== null,
      ...names.map((column) => columns[column]),
      ...extra,
    ],
  );
  if (rows.length !== 1) throw new ConcurrentUpdateError('provisioning request', request.id);
  return version;
}

/** The step rows of each winning change: `won` has the request's id, `json` its steps as JSON. */
const stepsUpdate = (won: string, json: string): string => `
  UPDATE provisioning_steps s SET status = v.status, attempts = v.attempts, compensation_attempts = v.compensation_attempts,
    started_at = v.started_at, finished_at = v.finished_at, items = v.items, last_error = v.last_error
  FROM ${won}, jsonb_to_recordset(${json}) AS v(position int, status text, attempts int, compensation_attempts int,
    started_at timestamptz, finished_at timestamptz, items jsonb, last_error text)
  WHERE s.request_id = ${won}.id AND s.position = v.position`;

/** A change recordChanges takes: at most a new status among the columns, and no further writes. */
export interface PlainChange {
  request: { id: string; status: RequestStatus; version: number };
  change: Omit<RequestChange, 'columns' | 'also'> & { columns: { status?: RequestStatus } };
}

/**
 * Several requests' plain changes in one statement, each guarded on its own as in recordChange:
 * those that find their request moved on write nothing, the others all of theirs. One round trip
 * and one commit for them all, where each was a socket write waking a PostgreSQL backend. The
 * requests must differ (two changes to one request would both match its row). Returns the ids of
 * the requests changed; each is now at its version + 1.
 */
export async function recordChanges(manager: EntityManager, changes: PlainChange[]): Promise<Set<string>> {
  const ids = new Set(changes.map(({ request }) => request.id));
  if (ids.size !== changes.length) throw new Error('recordChanges takes one change per request.');
  const input = changes.map(({ request, change }, i) => {
    const { columns, events, next, steps = [] } = change;
    if (columns.status !== undefined && columns.status !== request.status) assertTransition(request.status, columns.status);
    const version = request.version + 1;
    return {
      i,
      id: request.id,
      status: request.status,
      version: request.version,
      next_status: columns.status ?? null,
      steps: steps.map(toStepRow),
      events,
      job_id: advanceJobId(request.id, version),
      payload: { requestId: request.id, version } satisfies AdvanceRequestJob,
      delay_ms: Math.max(0, Math.round(next?.delayMs ?? 0)),
      schedule: next !== null,
    };
  });
  const { rows } = await preparedQuery<{ id: string }>(
    manager,
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(i int, id uuid, status text, version int, next_status text, steps jsonb,
         events jsonb, job_id text, payload jsonb, delay_ms double precision, schedule boolean)
     ), changed AS (
       -- The ids again as an array, for the primary key: the planner takes the input for a hundred
       -- rows, for which a join would read the whole table.
       UPDATE provisioning_requests r SET status = coalesce(input.next_status, r.status), version = r.version + 1, updated_at = now()
       FROM input WHERE r.id = ANY ($2::uuid[]) AND r.id = input.id AND r.status = input.status AND r.version = input.version
       RETURNING r.id
     ), won AS (
       SELECT input.* FROM input JOIN changed ON changed.id = input.id
     ), steps AS (${stepsUpdate('won', 'won.steps')}), events AS (
       INSERT INTO request_events (request_id, type, data)
       SELECT won.id, e.event->>'type', e.event->'data'
       FROM won, jsonb_array_elements(won.events) WITH ORDINALITY AS e(event, n) ORDER BY won.i, e.n
     ), scheduled AS (
       INSERT INTO outbox (id, queue, job_name, payload, available_at)
       SELECT won.job_id, '${PROVISIONING_QUEUE}', '${ADVANCE_REQUEST_JOB}', won.payload, now() + make_interval(secs => won.delay_ms / 1000)
       FROM won WHERE won.schedule
       ON CONFLICT (id) DO NOTHING
     )
     SELECT id FROM changed`,
    [JSON.stringify(input), [...ids]],
  );
  return new Set(rows.map((row) => row.id));
}

const toStepRow = (step: StepWrite) => ({
  position: step.position,
  status: step.status,
  attempts: step.attempts,
  compensation_attempts: step.compensationAttempts,
  started_at: step.startedAt,
  finished_at: step.finishedAt,
  items: step.items,
  last_error: step.lastError,
});

export async function appendEvent(
  manager: EntityManager,
  requestId: string,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await manager.query(`INSERT INTO request_events (request_id, type, data) VALUES ($1, $2, $3)`, [requestId, type, data]);
}
