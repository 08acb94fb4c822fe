import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SimOperation } from '../../domain/operation.js';
import { OperationStarter } from '../../simulation/operation-starter.js';
import { CreateResourceCommand } from './create-resource.command.js';

@CommandHandler(CreateResourceCommand)
export class CreateResourceHandler implements ICommandHandler<CreateResourceCommand> {
  constructor(private readonly starter: OperationStarter) {}

  execute({ partner, idempotencyKey, type, spec, labels }: CreateResourceCommand): Promise<SimOperation> {
    return this.starter.start(partner, idempotencyKey, { action: 'create', type, spec, labels });
  }
}
