import { Command } from '@nestjs/cqrs';
import type { Jurisdiction } from '../../domain/jurisdiction.js';

export class RegisterJurisdictionCommand extends Command<void> {
  constructor(readonly jurisdiction: Jurisdiction) {
    super();
  }
}
