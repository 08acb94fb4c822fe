import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { describeCaller } from '#libs/access/src/domain/caller.js';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { isFinal, type RequestStatus } from '../../domain/request-status.js';
import { recordChange } from '../../persistence/request-journal.js';
import { isUuid } from '../request-id.js';
import { CancelProvisioningRequestCommand } from './cancel-provisioning-request.command.js';
import { CannotCancelError } from './cannot-cancel.error.js';

/**
 * Cancelling asks the executor to stop: the flag is set (the status stays PROVISIONING) and the
 * request is scheduled, so the executor picks it up, stops before the next step and rolls back
 * what was done. Asking twice changes nothing the second time.
 */
@CommandHandler(CancelProvisioningRequestCommand)
export class CancelProvisioningRequestHandler implements ICommandHandler<CancelProvisioningRequestCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ id, caller }: CancelProvisioningRequestCommand): Promise<void> {
    if (!isUuid(id)) throw new NotFoundError('provisioning request', id);
    await this.dataSource.transaction(async (manager) => {
      // Locked, so the executor's own guarded changes wait for this one rather than race it.
      const [request]: { status: RequestStatus; version: number; cancel_requested: boolean }[] = await manager.query(
        `SELECT status, version, cancel_requested FROM provisioning_requests WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!request) throw new NotFoundError('provisioning request', id);
      const { status, version } = request;
      if (request.cancel_requested && (status === 'PROVISIONING' || status === 'ROLLING_BACK')) return;
      if (status === 'SUBMITTED' || status === 'PROVISIONING') {
        await recordChange(manager, { id, status, version }, {
          columns: { cancel_requested: true },
          events: [{ type: 'cancel-requested', data: { by: describeCaller(caller) } }],
          next: { delayMs: 0 },
        });
        return;
      }
      if (status === 'AWAITING_APPROVAL') {
        // Nothing exists at the partner yet: the rollback only gives the held capacity back.
        await recordChange(manager, { id, status, version }, {
          columns: { status: 'ROLLING_BACK', cancel_requested: true, approval_deadline: null },
          events: [
            { type: 'cancel-requested', data: { by: describeCaller(caller) } },
            { type: 'rollback-started', data: { reason: 'The request was cancelled while awaiting approval.' } },
          ],
          next: { delayMs: 0 },
        });
        return;
      }
      if (status === 'ACTIVE' || status === 'DECOMMISSIONING') {
        const [deployment]: { id: string }[] = await manager.query(`SELECT id FROM deployments WHERE request_id = $1`, [id]);
        throw CannotCancelError.afterActive(id, status, deployment?.id ?? null);
      }
      throw CannotCancelError.finishedOrRollingBack(id, status, isFinal(status));
    });
  }
}
