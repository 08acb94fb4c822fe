import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import type { IaasSpec } from '../../domain/iaas-spec.js';
import type { IaasStepName, StepStatus } from '../../domain/iaas-steps.js';
import { assertTransition, type RequestStatus } from '../../domain/request-status.js';
import { commitCapacity, releaseCapacity } from '../../persistence/capacity-ledger.js';
import { ADVANCE_REQUEST_JOB, advanceJobId, PROVISIONING_QUEUE } from '../../persistence/request-journal.js';
import type { Effect, ExecutionItem, RequestSnapshot, StepSnapshot, Transition } from './request-snapshot.js';

interface RequestRow {
  id: string;
  tenant_id: string;
  status: RequestStatus;
  version: number;
  cancel_requested: boolean;
  data_centre_code: string;
  operator_code: string;
  spec: IaasSpec;
  /** The steps as JSON, in order: their time stamps are ISO strings. */
  steps: StepJson[];
}

interface StepJson {
  position: number;
  name: IaasStepName;
  status: StepStatus;
  attempts: number;
  compensation_attempts: number;
  started_at: string | null;
  finished_at: string | null;
  items: ExecutionItem[];
  last_error: string | null;
}

const dateOf = (value: string | null): Date | null => (value === null ? null : new Date(value));

/**
 * Reads a request as a job sees it, and commits what the job decided, guarded by version. Every
 * job does both, so each is one round trip to PostgreSQL: per job, the round trips are the cost.
 */
@Injectable()
export class RequestStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(requestId: string): Promise<RequestSnapshot | null> {
    const [request] = await this.dataSource.query<RequestRow[]>(
      `SELECT r.id, r.tenant_id, r.status, r.version, r.cancel_requested, r.data_centre_code, dc.operator_code, r.spec,
         (SELECT coalesce(json_agg(s ORDER BY s.position), '[]')
          FROM (SELECT position, name, status, attempts, compensation_attempts, started_at, finished_at, items, last_error
                FROM provisioning_steps WHERE request_id = r.id) s) AS steps
       FROM provisioning_requests r JOIN data_centres dc ON dc.code = r.data_centre_code WHERE r.id = $1`,
      [requestId],
    );
    if (!request) return null;
    return {
      id: request.id,
      tenantId: request.tenant_id,
      status: request.status,
      version: request.version,
      cancelRequested: request.cancel_requested,
      dataCentreCode: request.data_centre_code,
      partner: request.operator_code,
      spec: request.spec,
      steps: request.steps.map((step) => ({
        position: step.position,
        name: step.name,
        status: step.status,
        attempts: step.attempts,
        compensationAttempts: step.compensation_attempts,
        startedAt: dateOf(step.started_at),
        finishedAt: dateOf(step.finished_at),
        items: step.items,
        lastError: step.last_error,
      })),
    };
  }

  /**
   * One statement: the compare-and-set, the steps, the events and the outbox row, each write
   * conditional on the compare-and-set, so a job that lost the race (ConcurrentUpdateError) writes
   * nothing at all. Effects on other tables (the last transition of a request) add a transaction
   * around it. Returns the request's new version.
   */
  async commit(request: RequestSnapshot, transition: Transition): Promise<number> {
    const effects = transition.effects ?? [];
    if (effects.length === 0) return this.write(this.dataSource.manager, request, transition);
    return this.dataSource.transaction(async (manager) => {
      const version = await this.write(manager, request, transition);
      for (const effect of effects) await this.apply(manager, request, effect);
      return version;
    });
  }

  private async write(manager: EntityManager, request: RequestSnapshot, transition: Transition): Promise<number> {
    if (transition.status !== undefined && transition.status !== request.status) assertTransition(request.status, transition.status);
    const changes: Record<string, unknown> = { ...(transition.status ? { status: transition.status } : {}), ...transition.columns };
    const columns = Object.keys(changes);
    const version = request.version + 1;
    const next = transition.next;
    const rows: unknown[] = await manager.query(
      `WITH changed AS (
         UPDATE provisioning_requests
         SET ${[...columns.map((column, i) => `${column} = $${i + 11}`), 'version = version + 1', 'updated_at = now()'].join(', ')}
         WHERE id = $1 AND status = $2 AND version = $3
         RETURNING id
       ), steps AS (
         UPDATE provisioning_steps s SET status = v.status, attempts = v.attempts, compensation_attempts = v.compensation_attempts,
           started_at = v.started_at, finished_at = v.finished_at, items = v.items, last_error = v.last_error
         FROM changed, jsonb_to_recordset($4::jsonb) AS v(position int, status text, attempts int, compensation_attempts int,
           started_at timestamptz, finished_at timestamptz, items jsonb, last_error text)
         WHERE s.request_id = changed.id AND s.position = v.position
       ), events AS (
         INSERT INTO request_events (request_id, type, data)
         SELECT changed.id, e.event->>'type', e.event->'data'
         FROM changed, jsonb_array_elements($5::jsonb) WITH ORDINALITY AS e(event, n) ORDER BY e.n
       ), scheduled AS (
         INSERT INTO outbox (id, queue, job_name, payload, available_at)
         SELECT $6, $7, $8, $9, now() + make_interval(secs => $10::double precision / 1000) FROM changed WHERE $6::text IS NOT NULL
         ON CONFLICT (id) DO NOTHING
       )
       SELECT 1 FROM changed`,
      [
        request.id,
        request.status,
        request.version,
        JSON.stringify(transition.steps.map(toStepJson)),
        JSON.stringify(transition.events),
        next ? advanceJobId(request.id, version) : null,
        PROVISIONING_QUEUE,
        ADVANCE_REQUEST_JOB,
        JSON.stringify({ requestId: request.id, version }),
        Math.max(0, Math.round(next?.delayMs ?? 0)),
        ...columns.map((column) => changes[column]),
      ],
    );
    if (rows.length !== 1) throw new ConcurrentUpdateError('provisioning request', request.id);
    return version;
  }

  private async apply(manager: EntityManager, request: RequestSnapshot, effect: Effect): Promise<void> {
    switch (effect.kind) {
      case 'commit-capacity':
        await commitCapacity(manager, request.id);
        return;
      case 'release-capacity':
        await releaseCapacity(manager, request.id);
        return;
      case 'record-deployment':
        await manager.query(
          `INSERT INTO deployments (id, request_id, tenant_id, data_centre_code, status, resources)
           VALUES ($1, $2, $3, $4, 'active', $5) ON CONFLICT (request_id) DO NOTHING`,
          [randomUUID(), request.id, request.tenantId, request.dataCentreCode, JSON.stringify(effect.resources)],
        );
        return;
      case 'deployment-status':
        await manager.query(`UPDATE deployments SET status = $2, updated_at = now() WHERE request_id = $1`, [request.id, effect.status]);
        return;
    }
  }
}

const toStepJson = (step: StepSnapshot) => ({
  position: step.position,
  status: step.status,
  attempts: step.attempts,
  compensation_attempts: step.compensationAttempts,
  started_at: step.startedAt,
  finished_at: step.finishedAt,
  items: step.items,
  last_error: step.lastError,
});
