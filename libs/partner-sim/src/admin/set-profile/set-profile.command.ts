import { Command } from '@nestjs/cqrs';
import type { SimulationProfile } from '../../domain/profile.js';

export class SetProfileCommand extends Command<void> {
  constructor(
    readonly partner: string,
    readonly profile: SimulationProfile,
  ) {
    super();
  }
}
