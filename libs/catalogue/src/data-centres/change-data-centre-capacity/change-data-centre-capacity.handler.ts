import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { DataCentreRepository } from '../../domain/catalogue.repositories.js';
import { CODE_PATTERN } from '../../domain/vocabulary.js';
import { ChangeDataCentreCapacityCommand } from './change-data-centre-capacity.command.js';

@CommandHandler(ChangeDataCentreCapacityCommand)
export class ChangeDataCentreCapacityHandler implements ICommandHandler<ChangeDataCentreCapacityCommand> {
  constructor(private readonly dataCentres: DataCentreRepository) {}

  async execute({ code, changes }: ChangeDataCentreCapacityCommand): Promise<void> {
    const dataCentre = CODE_PATTERN.test(code) ? await this.dataCentres.find(code) : null;
    if (dataCentre === null) throw new NotFoundError('data centre', code);
    dataCentre.changeCapacity(changes);
    // Compare-and-set: a reservation landing in between fails this write rather than being lost.
    await this.dataCentres.update(dataCentre);
  }
}
