import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { ApiKeyRepository } from '../../domain/api-key.js';
import { RevokeApiKeyCommand } from './revoke-api-key.command.js';

/** A revoked key stays revoked: revoking it again is a conflict, not a silent success. */
export class ApiKeyAlreadyRevokedError extends DomainError {
  readonly kind = 'invalid-transition';
  readonly code = 'api-key-already-revoked';

  constructor(id: string) {
    super(`The API key '${id}' is already revoked.`, { id });
  }
}

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({ id }: RevokeApiKeyCommand): Promise<void> {
    // The repository revokes only a live key, so of two revocations at once exactly one succeeds.
    if (await this.keys.revoke(id)) return;
    if (!(await this.keys.find(id))) throw new NotFoundError('API key', id);
    throw new ApiKeyAlreadyRevokedError(id);
  }
}
