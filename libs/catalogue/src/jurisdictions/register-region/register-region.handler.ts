import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegionRepository } from '../../domain/catalogue.repositories.js';
import { RegisterRegionCommand } from './register-region.command.js';

@CommandHandler(RegisterRegionCommand)
export class RegisterRegionHandler implements ICommandHandler<RegisterRegionCommand> {
  constructor(private readonly regions: RegionRepository) {}

  async execute({ region }: RegisterRegionCommand): Promise<void> {
    await this.regions.insert(region);
  }
}
