import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FaultRepository } from '../../domain/partner-sim.ports.js';
import { ClearFaultsCommand } from './clear-faults.command.js';

@CommandHandler(ClearFaultsCommand)
export class ClearFaultsHandler implements ICommandHandler<ClearFaultsCommand> {
  constructor(private readonly faults: FaultRepository) {}

  execute({ partner }: ClearFaultsCommand): Promise<number> {
    return this.faults.clear(partner);
  }
}
