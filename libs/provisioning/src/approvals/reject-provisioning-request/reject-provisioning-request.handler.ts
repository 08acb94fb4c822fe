import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { approvalBy, lockAwaitingApproval } from '../approval-decision.js';
import { rejectAwaiting } from '../reject-awaiting.js';

export class RejectProvisioningRequestCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
    readonly reason: string,
  ) {
    super();
  }
}

@CommandHandler(RejectProvisioningRequestCommand)
export class RejectProvisioningRequestHandler implements ICommandHandler<RejectProvisioningRequestCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ id, caller, reason }: RejectProvisioningRequestCommand): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await lockAwaitingApproval(manager, id);
      await rejectAwaiting(manager, request, approvalBy(caller, 'rejected', reason));
    });
  }
}
