import { Command } from '@nestjs/cqrs';

export class ClearFaultsCommand extends Command<number> {
  constructor(readonly partner: string) {
    super();
  }
}
