import { Command } from '@nestjs/cqrs';
import type { Partner } from '../../domain/partner.js';

export class RegisterPartnerCommand extends Command<void> {
  constructor(readonly partner: Partner) {
    super();
  }
}
