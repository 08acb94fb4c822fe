import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TenantRepository } from '../../domain/catalogue.repositories.js';
import { loadTenant } from '../tenant-id.js';
import { SuspendTenantCommand } from './suspend-tenant.command.js';

@CommandHandler(SuspendTenantCommand)
export class SuspendTenantHandler implements ICommandHandler<SuspendTenantCommand> {
  constructor(private readonly tenants: TenantRepository) {}

  async execute({ id, reason }: SuspendTenantCommand): Promise<void> {
    const tenant = await loadTenant(this.tenants, id);
    tenant.suspend(reason);
    await this.tenants.update(tenant);
  }
}
