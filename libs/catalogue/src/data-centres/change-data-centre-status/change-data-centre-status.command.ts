import { Command } from '@nestjs/cqrs';
import type { DataCentreStatus } from '../../domain/vocabulary.js';

export class ChangeDataCentreStatusCommand extends Command<void> {
  constructor(
    readonly code: string,
    readonly status: DataCentreStatus,
    readonly availableFrom: string | null,
    readonly reason: string | null,
  ) {
    super();
  }
}
