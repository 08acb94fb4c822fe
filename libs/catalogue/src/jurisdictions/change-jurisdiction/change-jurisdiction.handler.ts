import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { JurisdictionRepository } from '../../domain/catalogue.repositories.js';
import { COUNTRY_CODE_PATTERN } from '../../domain/vocabulary.js';
import { ChangeJurisdictionCommand } from './change-jurisdiction.command.js';

@CommandHandler(ChangeJurisdictionCommand)
export class ChangeJurisdictionHandler implements ICommandHandler<ChangeJurisdictionCommand> {
  constructor(private readonly jurisdictions: JurisdictionRepository) {}

  async execute({ country, changes }: ChangeJurisdictionCommand): Promise<void> {
    const current = COUNTRY_CODE_PATTERN.test(country) ? await this.jurisdictions.find(country) : null;
    if (current === null) throw new NotFoundError('jurisdiction', country);
    // Data centres already registered keep their ownership: the rule governs later registrations.
    await this.jurisdictions.update({ ...current, ...changes });
  }
}
