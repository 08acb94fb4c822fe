import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { DataCentreRepository, JurisdictionRepository, PartnerRepository } from '../../domain/catalogue.repositories.js';
import { DataCentre } from '../../domain/data-centre.js';
import { RegisterDataCentreCommand } from './register-data-centre.command.js';

@CommandHandler(RegisterDataCentreCommand)
export class RegisterDataCentreHandler implements ICommandHandler<RegisterDataCentreCommand> {
  constructor(
    private readonly dataCentres: DataCentreRepository,
    private readonly jurisdictions: JurisdictionRepository,
    private readonly partners: PartnerRepository,
  ) {}

  async execute({ dataCentre, operatorCode }: RegisterDataCentreCommand): Promise<void> {
    // The jurisdiction is read at registration time: its rules are data operators change.
    const jurisdiction = await this.jurisdictions.find(dataCentre.country);
    if (jurisdiction === null) throw new NotFoundError('jurisdiction', dataCentre.country);
    const operator = await this.partners.find(operatorCode);
    if (operator === null) throw new NotFoundError('partner', operatorCode);
    await this.dataCentres.insert(DataCentre.register(dataCentre, jurisdiction, operator));
  }
}
