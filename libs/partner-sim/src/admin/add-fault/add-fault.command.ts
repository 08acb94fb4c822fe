import { Command } from '@nestjs/cqrs';
import type { Fault, NewFault } from '../../domain/fault.js';

export class AddFaultCommand extends Command<Fault> {
  constructor(readonly fault: NewFault) {
    super();
  }
}
