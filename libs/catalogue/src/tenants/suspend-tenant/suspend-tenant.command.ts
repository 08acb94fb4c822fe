import { Command } from '@nestjs/cqrs';

export class SuspendTenantCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly reason: string,
  ) {
    super();
  }
}
