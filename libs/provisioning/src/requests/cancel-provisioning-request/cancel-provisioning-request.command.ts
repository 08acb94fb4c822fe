import { Command } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';

export class CancelProvisioningRequestCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
