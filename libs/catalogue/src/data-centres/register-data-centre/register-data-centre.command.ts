import { Command } from '@nestjs/cqrs';
import type { RegisterDataCentre } from '../../domain/data-centre.js';

export class RegisterDataCentreCommand extends Command<void> {
  constructor(
    readonly dataCentre: RegisterDataCentre,
    readonly operatorCode: string,
  ) {
    super();
  }
}
