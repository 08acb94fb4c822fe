import { Command } from '@nestjs/cqrs';
import type { SimOperation } from '../../domain/operation.js';
import type { ResourceType } from '../../domain/vocabulary.js';

export class CreateResourceCommand extends Command<SimOperation> {
  constructor(
    readonly partner: string,
    readonly idempotencyKey: string,
    readonly type: ResourceType,
    readonly spec: Record<string, unknown>,
    readonly labels: Record<string, string>,
  ) {
    super();
  }
}
