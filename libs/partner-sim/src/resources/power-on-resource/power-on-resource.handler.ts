import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SimOperation } from '../../domain/operation.js';
import { OperationStarter } from '../../simulation/operation-starter.js';
import { PowerOnResourceCommand } from './power-on-resource.command.js';

@CommandHandler(PowerOnResourceCommand)
export class PowerOnResourceHandler implements ICommandHandler<PowerOnResourceCommand> {
  constructor(private readonly starter: OperationStarter) {}

  execute({ partner, idempotencyKey, resourceId }: PowerOnResourceCommand): Promise<SimOperation> {
    return this.starter.start(partner, idempotencyKey, { action: 'power-on', resourceId });
  }
}
