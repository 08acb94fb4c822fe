import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { JurisdictionRepository, RegionRepository } from '../../domain/catalogue.repositories.js';
import { RegisterJurisdictionCommand } from './register-jurisdiction.command.js';

@CommandHandler(RegisterJurisdictionCommand)
export class RegisterJurisdictionHandler implements ICommandHandler<RegisterJurisdictionCommand> {
  constructor(
    private readonly jurisdictions: JurisdictionRepository,
    private readonly regions: RegionRepository,
  ) {}

  async execute({ jurisdiction }: RegisterJurisdictionCommand): Promise<void> {
    // Checked here so the caller hears which region is missing, not a foreign-key failure.
    if ((await this.regions.find(jurisdiction.regionCode)) === null) {
      throw new NotFoundError('region', jurisdiction.regionCode);
    }
    await this.jurisdictions.insert(jurisdiction);
  }
}
