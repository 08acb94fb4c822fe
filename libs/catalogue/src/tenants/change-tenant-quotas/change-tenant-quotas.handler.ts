import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TenantRepository } from '../../domain/catalogue.repositories.js';
import { loadTenant } from '../tenant-id.js';
import { ChangeTenantQuotasCommand } from './change-tenant-quotas.command.js';

@CommandHandler(ChangeTenantQuotasCommand)
export class ChangeTenantQuotasHandler implements ICommandHandler<ChangeTenantQuotasCommand> {
  constructor(private readonly tenants: TenantRepository) {}

  async execute({ id, changes }: ChangeTenantQuotasCommand): Promise<void> {
    const tenant = await loadTenant(this.tenants, id);
    tenant.changeQuotas(changes);
    await this.tenants.update(tenant);
  }
}
