import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProfileRepository } from '../../domain/partner-sim.ports.js';
import { CallOrdinals } from '../../simulation/call-ordinals.js';
import { ResetProfileCommand } from './reset-profile.command.js';

@CommandHandler(ResetProfileCommand)
export class ResetProfileHandler implements ICommandHandler<ResetProfileCommand> {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly ordinals: CallOrdinals,
  ) {}

  async execute({ partner }: ResetProfileCommand): Promise<void> {
    await this.profiles.remove(partner);
    this.ordinals.restart(partner);
  }
}
