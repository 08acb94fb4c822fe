import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SizeRepository } from '../../domain/catalogue.repositories.js';
import { RegisterSizeCommand } from './register-size.command.js';

@CommandHandler(RegisterSizeCommand)
export class RegisterSizeHandler implements ICommandHandler<RegisterSizeCommand> {
  constructor(private readonly sizes: SizeRepository) {}

  async execute({ size }: RegisterSizeCommand): Promise<void> {
    // A taken code or name surfaces from the repository as a DuplicateError (409).
    await this.sizes.insert(size);
  }
}
