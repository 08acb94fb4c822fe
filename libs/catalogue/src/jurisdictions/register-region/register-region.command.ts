import { Command } from '@nestjs/cqrs';
import type { Region } from '../../domain/jurisdiction.js';

export class RegisterRegionCommand extends Command<void> {
  constructor(readonly region: Region) {
    super();
  }
}
