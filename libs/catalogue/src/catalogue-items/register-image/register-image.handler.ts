import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ImageRepository } from '../../domain/catalogue.repositories.js';
import { RegisterImageCommand } from './register-image.command.js';

@CommandHandler(RegisterImageCommand)
export class RegisterImageHandler implements ICommandHandler<RegisterImageCommand> {
  constructor(private readonly images: ImageRepository) {}

  async execute({ image }: RegisterImageCommand): Promise<void> {
    // A taken name surfaces from the repository as a DuplicateError (409).
    await this.images.insert(image);
  }
}
