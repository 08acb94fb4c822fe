import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { recordChange } from '../../persistence/request-journal.js';
import { approvalBy, lockAwaitingApproval } from '../approval-decision.js';

export class ApproveProvisioningRequestCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
    readonly reason: string,
  ) {
    super();
  }
}

/** Approved: the capacity held since submission is kept, and the executor starts the steps. */
@CommandHandler(ApproveProvisioningRequestCommand)
export class ApproveProvisioningRequestHandler implements ICommandHandler<ApproveProvisioningRequestCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ id, caller, reason }: ApproveProvisioningRequestCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await lockAwaitingApproval(manager, id);
      const approval = approvalBy(caller, 'approved', reason);
      await recordChange(manager, request, {
        columns: { status: 'PROVISIONING', approval, approval_deadline: null },
        events: [{ type: 'approved', data: { by: approval.by, reason } }],
        next: { delayMs: 0 },
      });
    });
  }
}
