import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IaasSpec } from '../../domain/iaas-spec.js';
import type { IaasStepName, StepStatus } from '../../domain/iaas-steps.js';
import type { RequestStatus } from '../../domain/request-status.js';
import { releaseCapacity } from '../../persistence/capacity-ledger.js';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { type ChangeWrite, recordChange } from '../../persistence/request-journal.js';
import { CommitBatcher } from './commit-batcher.js';
import { afterTransition, RecentSnapshots } from './recent-snapshots.js';
import type { Effect, ExecutionItem, RequestSnapshot, Transition } from './request-snapshot.js';

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
 * Reads a request as a job sees it, and commits what the job decided, guarded by version. Each is
 * one round trip to PostgreSQL, and per job the round trips are the cost: so a job at the version
 * this process committed last is served from memory (RecentSnapshots), and only the commit goes
 * to the database.
 */
@Injectable()
export class RequestStore {
  private readonly recent = new RecentSnapshots();
  private readonly batcher: CommitBatcher;

  constructor(private readonly dataSource: DataSource) {
    this.batcher = new CommitBatcher(dataSource.manager);
  }

  /** The request at `version` if this process committed that version; otherwise as stored now. */
  async loadAt(requestId: string, version: number): Promise<RequestSnapshot | null> {
    return this.recent.at(requestId, version) ?? this.load(requestId);
  }

  /** The request as stored now. */
  async load(requestId: string): Promise<RequestSnapshot | null> {
    const {
      rows: [request],
    } = await preparedQuery<RequestRow>(
      this.dataSource.manager,
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
   * One statement (recordChange): a job that lost the race (ConcurrentUpdateError) writes nothing
   * at all. The effects on the reservation and the deployment join that statement (a request's
   * last transition was five round trips); only a release of capacity, which moves three
   * counters, takes a transaction around it. Returns the request's new version.
   */
  async commit(request: RequestSnapshot, transition: Transition): Promise<number> {
    let version: number;
    try {
      version = await this.commitToDatabase(request, transition);
    } catch (error) {
      this.recent.forget(request.id);
      throw error;
    }
    // Only a change that schedules a job is read again, by that job.
    if (transition.next) this.recent.remember(afterTransition(request, transition, version));
    else this.recent.forget(request.id);
    return version;
  }

  private commitToDatabase(request: RequestSnapshot, transition: Transition): Promise<number> {
    const effects = transition.effects ?? [];
    // Most steps change only steps, events and the next job: those commit together with other jobs'.
    if (effects.length === 0 && Object.keys(transition.columns ?? {}).length === 0) {
      const { status, events, next, steps } = transition;
      return this.batcher.record(request, { columns: status ? { status } : {}, events, next, steps });
    }
    const also = effects.flatMap((effect) => (effect.kind === 'release-capacity' ? [] : [effectWrite(request, effect)]));
    if (!effects.some((effect) => effect.kind === 'release-capacity')) return this.write(this.dataSource.manager, request, transition, also);
    return this.dataSource.transaction(async (manager) => {
      const version = await this.write(manager, request, transition, also);
      await releaseCapacity(manager, request.id);
      return version;
    });
  }

  private write(manager: EntityManager, request: RequestSnapshot, transition: Transition, also: ChangeWrite[]): Promise<number> {
    const columns = { ...(transition.status ? { status: transition.status } : {}), ...transition.columns };
    return recordChange(manager, request, { columns, events: transition.events, next: transition.next, steps: transition.steps, also });
  }
}

/** An effect as a write of the change's statement: it happens only if the change does. */
function effectWrite(request: RequestSnapshot, effect: Exclude<Effect, { kind: 'release-capacity' }>): ChangeWrite {
  switch (effect.kind) {
    case 'commit-capacity':
      return () => `UPDATE capacity_reservations r SET status = 'committed', updated_at = now()
        FROM changed WHERE r.request_id = changed.id AND r.status = 'held'`;
    case 'record-deployment':
      return (param) => `INSERT INTO deployments (id, request_id, tenant_id, data_centre_code, status, resources)
        SELECT ${param(randomUUID())}::uuid, changed.id, ${param(request.tenantId)}::uuid, ${param(request.dataCentreCode)}, 'active',
          ${param(JSON.stringify(effect.resources))}::jsonb
        FROM changed ON CONFLICT (request_id) DO NOTHING`;
    case 'deployment-status':
      return (param) => `UPDATE deployments d SET status = ${param(effect.status)}, updated_at = now() FROM changed WHERE d.request_id = changed.id`;
  }
}
