import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { IaasSpec } from '../../domain/iaas-spec.js';
import type { IaasStepName, StepStatus } from '../../domain/iaas-steps.js';
import type { RequestStatus } from '../../domain/request-status.js';
import { commitCapacity, releaseCapacity } from '../../persistence/capacity-ledger.js';
import { appendEvent, changeRequest, scheduleAdvance } from '../../persistence/request-journal.js';
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
}

interface StepRow {
  position: number;
  name: IaasStepName;
  status: StepStatus;
  attempts: number;
  compensation_attempts: number;
  started_at: Date | null;
  finished_at: Date | null;
  items: ExecutionItem[];
  last_error: string | null;
}

/** Reads a request as a job sees it, and commits what the job decided in one guarded transaction. */
@Injectable()
export class RequestStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(requestId: string): Promise<RequestSnapshot | null> {
    const [request] = await this.dataSource.query<RequestRow[]>(
      `SELECT r.id, r.tenant_id, r.status, r.version, r.cancel_requested, r.data_centre_code, dc.operator_code, r.spec
       FROM provisioning_requests r JOIN data_centres dc ON dc.code = r.data_centre_code WHERE r.id = $1`,
      [requestId],
    );
    if (!request) return null;
    const steps = await this.dataSource.query<StepRow[]>(
      `SELECT position, name, status, attempts, compensation_attempts, started_at, finished_at, items, last_error
       FROM provisioning_steps WHERE request_id = $1 ORDER BY position`,
      [requestId],
    );
    return {
      id: request.id,
      tenantId: request.tenant_id,
      status: request.status,
      version: request.version,
      cancelRequested: request.cancel_requested,
      dataCentreCode: request.data_centre_code,
      partner: request.operator_code,
      spec: request.spec,
      steps: steps.map((step) => ({
        position: step.position,
        name: step.name,
        status: step.status,
        attempts: step.attempts,
        compensationAttempts: step.compensation_attempts,
        startedAt: step.started_at,
        finishedAt: step.finished_at,
        items: step.items,
        lastError: step.last_error,
      })),
    };
  }

  /**
   * The compare-and-set comes first: a job that lost the race (ConcurrentUpdateError) writes
   * nothing at all. Returns the request's new version.
   */
  async commit(request: RequestSnapshot, transition: Transition): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const version = await changeRequest(manager, request, {
        ...(transition.status ? { status: transition.status } : {}),
        ...transition.columns,
      });
      for (const step of transition.steps) await this.writeStep(manager, request.id, step);
      for (const event of transition.events) await appendEvent(manager, request.id, event.type, event.data);
      for (const effect of transition.effects ?? []) await this.apply(manager, request, effect);
      if (transition.next) await scheduleAdvance(manager, request.id, version, transition.next.delayMs);
      return version;
    });
  }

  private async writeStep(manager: EntityManager, requestId: string, step: StepSnapshot): Promise<void> {
    await manager.query(
      `UPDATE provisioning_steps SET status = $3, attempts = $4, compensation_attempts = $5, started_at = $6,
         finished_at = $7, items = $8, last_error = $9
       WHERE request_id = $1 AND position = $2`,
      [requestId, step.position, step.status, step.attempts, step.compensationAttempts, step.startedAt, step.finishedAt,
        JSON.stringify(step.items), step.lastError],
    );
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
