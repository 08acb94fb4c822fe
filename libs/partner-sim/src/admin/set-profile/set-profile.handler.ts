import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProfileRepository } from '../../domain/partner-sim.ports.js';
import { SetProfileCommand } from './set-profile.command.js';

@CommandHandler(SetProfileCommand)
export class SetProfileHandler implements ICommandHandler<SetProfileCommand> {
  constructor(private readonly profiles: ProfileRepository) {}

  async execute({ partner, profile }: SetProfileCommand): Promise<void> {
    await this.profiles.save(partner, profile);
  }
}
