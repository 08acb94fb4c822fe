import { Command } from '@nestjs/cqrs';

export class ResumeTenantCommand extends Command<void> {
  constructor(readonly id: string) {
    super();
  }
}
