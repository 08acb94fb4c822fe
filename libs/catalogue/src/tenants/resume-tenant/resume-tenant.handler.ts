import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TenantRepository } from '../../domain/catalogue.repositories.js';
import { loadTenant } from '../tenant-id.js';
import { ResumeTenantCommand } from './resume-tenant.command.js';

@CommandHandler(ResumeTenantCommand)
export class ResumeTenantHandler implements ICommandHandler<ResumeTenantCommand> {
  constructor(private readonly tenants: TenantRepository) {}

  async execute({ id }: ResumeTenantCommand): Promise<void> {
    const tenant = await loadTenant(this.tenants, id);
    tenant.resume();
    await this.tenants.update(tenant);
  }
}
