import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import { ApiKeyRepository } from '../../domain/api-key.js';
import { issueSecret } from '../../domain/api-key-secret.js';
import { scopeId, scopeOfRole } from '../../domain/caller.js';
import { ScopeDirectory } from '../scope-directory.js';
import { CreateApiKeyCommand, type IssuedApiKey } from './create-api-key.command.js';

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly scopes: ScopeDirectory,
  ) {}

  async execute({ name, role, scope, createdBy }: CreateApiKeyCommand): Promise<IssuedApiKey> {
    // The request DTO already ties scope to role; the CLI and the seed come here without it.
    if (scopeOfRole(role, scopeId(scope)).kind !== scope.kind) {
      throw new RuleViolationError('scope-does-not-fit-role', `A ${role} key cannot be scoped to a ${scope.kind}.`);
    }
    if (scope.kind === 'partner' && !(await this.scopes.partnerExists(scope.partnerCode))) {
      throw new NotFoundError('partner', scope.partnerCode);
    }
    if (scope.kind === 'tenant' && !(await this.scopes.tenantExists(scope.tenantId))) {
      throw new NotFoundError('tenant', scope.tenantId);
    }
    const issued = issueSecret();
    await this.keys.insert({ id: issued.keyId, name, role, scope, createdBy }, issued.secretHash);
    return { id: issued.keyId, plaintext: issued.plaintext };
  }
}
