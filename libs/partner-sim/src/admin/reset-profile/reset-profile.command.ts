import { Command } from '@nestjs/cqrs';

export class ResetProfileCommand extends Command<void> {
  constructor(readonly partner: string) {
    super();
  }
}
