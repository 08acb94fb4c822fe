import { Command } from '@nestjs/cqrs';
import type { RegisterTenant } from '../../domain/tenant.js';

export class RegisterTenantCommand extends Command<void> {
  constructor(readonly input: RegisterTenant) {
    super();
  }
}
