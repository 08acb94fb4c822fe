import { Command } from '@nestjs/cqrs';
import type { SimOperation } from '../../domain/operation.js';

export class DeleteResourceCommand extends Command<SimOperation> {
  constructor(
    readonly partner: string,
    readonly idempotencyKey: string,
    readonly resourceId: string,
  ) {
    super();
  }
}
