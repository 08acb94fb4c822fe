import { Command } from '@nestjs/cqrs';
import type { TenantQuotas } from '../../domain/tenant.js';

export class ChangeTenantQuotasCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly changes: Partial<TenantQuotas>,
  ) {
    super();
  }
}
