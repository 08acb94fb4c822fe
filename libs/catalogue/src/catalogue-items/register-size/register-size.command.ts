import { Command } from '@nestjs/cqrs';
import type { Size } from '../../domain/image.js';

export class RegisterSizeCommand extends Command<void> {
  constructor(readonly size: Size) {
    super();
  }
}
