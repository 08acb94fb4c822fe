import { Command } from '@nestjs/cqrs';
import type { CapacityPools } from '../../domain/capacity.js';

export class ChangeDataCentreCapacityCommand extends Command<void> {
  constructor(
    readonly code: string,
    /** New totals of the pools named; the others keep theirs. */
    readonly changes: Partial<CapacityPools>,
  ) {
    super();
  }
}
