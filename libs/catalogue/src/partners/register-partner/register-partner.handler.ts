import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import { JurisdictionRepository, PartnerRepository } from '../../domain/catalogue.repositories.js';
import { RegisterPartnerCommand } from './register-partner.command.js';

@CommandHandler(RegisterPartnerCommand)
export class RegisterPartnerHandler implements ICommandHandler<RegisterPartnerCommand> {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly jurisdictions: JurisdictionRepository,
  ) {}

  async execute({ partner }: RegisterPartnerCommand): Promise<void> {
    if (partner.kind === 'provider' && partner.country !== null) {
      throw new RuleViolationError('provider-has-no-country', 'The provider operates in every country; omit country.');
    }
    if (partner.country !== null && (await this.jurisdictions.find(partner.country)) === null) {
      throw new NotFoundError('jurisdiction', partner.country);
    }
    await this.partners.insert(partner);
  }
}
