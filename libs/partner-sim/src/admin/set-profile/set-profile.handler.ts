import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProfileRepository } from '../../domain/partner-sim.ports.js';
import { CallOrdinals } from '../../simulation/call-ordinals.js';
import { SetProfileCommand } from './set-profile.command.js';

@CommandHandler(SetProfileCommand)
export class SetProfileHandler implements ICommandHandler<SetProfileCommand> {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly ordinals: CallOrdinals,
  ) {}

  async execute({ partner, profile }: SetProfileCommand): Promise<void> {
    await this.profiles.save(partner, profile);
    // Setting the same seed again replays the same draws from the first call on.
    this.ordinals.restart(partner);
  }
}
