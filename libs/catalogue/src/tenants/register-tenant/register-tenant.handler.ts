import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { JurisdictionRepository, TenantRepository } from '../../domain/catalogue.repositories.js';
import { Tenant } from '../../domain/tenant.js';
import { RegisterTenantCommand } from './register-tenant.command.js';

@CommandHandler(RegisterTenantCommand)
export class RegisterTenantHandler implements ICommandHandler<RegisterTenantCommand> {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly jurisdictions: JurisdictionRepository,
  ) {}

  async execute({ input }: RegisterTenantCommand): Promise<void> {
    // The home jurisdiction supplies the default residency, so a tenant needs one to exist.
    const home = await this.jurisdictions.find(input.homeCountry);
    if (!home) throw new NotFoundError('jurisdiction', input.homeCountry);
    await this.tenants.insert(Tenant.register(input, home));
  }
}
