import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { describeCaller } from '#libs/access/src/domain/caller.js';
import { DomainError, NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { RequestStatus } from '../../domain/request-status.js';
import { runIdempotently } from '../../idempotency/idempotent-transaction.js';
import type { StoredResponse } from '../../idempotency/stored-response.js';
import { recordChange } from '../../persistence/request-journal.js';
import { isUuid } from '../../requests/request-id.js';
import { readDeployment } from '../deployment.response.js';
import { DecommissionDeploymentCommand } from './decommission-deployment.command.js';

/** Decommissioning a deployment that is not active: a 409 that says where it stands. */
export class CannotDecommissionError extends DomainError {
  readonly kind = 'invalid-transition';
  readonly code = 'cannot-decommission';

  constructor(id: string, deploymentStatus: string, requestId: string, requestStatus: RequestStatus) {
    super(
      deploymentStatus === 'active'
        ? `Deployment '${id}' cannot be decommissioned while its request is ${requestStatus}.`
        : `Deployment '${id}' is already ${deploymentStatus}; follow it on /v1/provisioning-requests/${requestId}.`,
      { deploymentId: id, status: deploymentStatus, requestId, requestStatus },
    );
  }
}

/**
 * Starts tearing a deployment down: its request goes ACTIVE → DECOMMISSIONING (guarded), the
 * deployment is marked, and the executor is scheduled to delete the partner resources in reverse
 * order and release the capacity. One transaction, with the idempotency key when one is given.
 */
@CommandHandler(DecommissionDeploymentCommand)
export class DecommissionDeploymentHandler implements ICommandHandler<DecommissionDeploymentCommand> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ id, caller, idempotency }: DecommissionDeploymentCommand): Promise<StoredResponse> {
    if (!isUuid(id)) throw new NotFoundError('deployment', id);
    return runIdempotently(this.dataSource, idempotency, (manager) => this.decommission(manager, id, describeCaller(caller)));
  }

  private async decommission(manager: EntityManager, id: string, by: string): Promise<StoredResponse> {
    // Both rows locked: the executor's guarded changes to the request wait for this one.
    const [found]: { status: string; request_id: string; request_status: RequestStatus; version: number }[] = await manager.query(
      `SELECT d.status, d.request_id, r.status AS request_status, r.version
         FROM deployments d JOIN provisioning_requests r ON r.id = d.request_id
        WHERE d.id = $1 FOR UPDATE OF d, r`,
      [id],
    );
    if (!found) throw new NotFoundError('deployment', id);
    if (found.status !== 'active' || found.request_status !== 'ACTIVE') {
      throw new CannotDecommissionError(id, found.status, found.request_id, found.request_status);
    }
    const request = { id: found.request_id, status: found.request_status, version: found.version };
    await recordChange(manager, request, {
      columns: { status: 'DECOMMISSIONING' },
      events: [{ type: 'decommission-requested', data: { deployment: id, by } }],
      next: { delayMs: 0 },
    });
    await manager.query(`UPDATE deployments SET status = 'decommissioning', updated_at = now() WHERE id = $1`, [id]);
    const body = await readDeployment(manager, id);
    return { status: 202, body: body as unknown as Record<string, unknown>, location: `/v1/deployments/${id}` };
  }
}
