import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { DataCentreRepository } from '../../domain/catalogue.repositories.js';
import { CODE_PATTERN } from '../../domain/vocabulary.js';
import { ChangeDataCentreStatusCommand } from './change-data-centre-status.command.js';

@CommandHandler(ChangeDataCentreStatusCommand)
export class ChangeDataCentreStatusHandler implements ICommandHandler<ChangeDataCentreStatusCommand> {
  constructor(private readonly dataCentres: DataCentreRepository) {}

  async execute({ code, status, availableFrom, reason }: ChangeDataCentreStatusCommand): Promise<void> {
    const dataCentre = CODE_PATTERN.test(code) ? await this.dataCentres.find(code) : null;
    if (dataCentre === null) throw new NotFoundError('data centre', code);
    dataCentre.changeStatus(status, availableFrom, reason);
    await this.dataCentres.update(dataCentre);
  }
}
