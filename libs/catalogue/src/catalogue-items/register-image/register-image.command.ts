import { Command } from '@nestjs/cqrs';
import type { Image } from '../../domain/image.js';

export class RegisterImageCommand extends Command<void> {
  constructor(readonly image: Image) {
    super();
  }
}
