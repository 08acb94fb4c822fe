import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SimOperation } from '../../domain/operation.js';
import { OperationStarter } from '../../simulation/operation-starter.js';
import { DeleteResourceCommand } from './delete-resource.command.js';

@CommandHandler(DeleteResourceCommand)
export class DeleteResourceHandler implements ICommandHandler<DeleteResourceCommand> {
  constructor(private readonly starter: OperationStarter) {}

  execute({ partner, idempotencyKey, resourceId }: DeleteResourceCommand): Promise<SimOperation> {
    return this.starter.start(partner, idempotencyKey, { action: 'delete', resourceId });
  }
}
