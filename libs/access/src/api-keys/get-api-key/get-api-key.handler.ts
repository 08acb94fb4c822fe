import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { ApiKeyRepository } from '../../domain/api-key.js';
import { type ApiKeyResponse, toApiKeyResponse } from '../api-key.response.js';
import { GetApiKeyQuery } from './get-api-key.query.js';

@QueryHandler(GetApiKeyQuery)
export class GetApiKeyHandler implements IQueryHandler<GetApiKeyQuery> {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({ id }: GetApiKeyQuery): Promise<ApiKeyResponse> {
    const stored = await this.keys.find(id);
    if (!stored) throw new NotFoundError('API key', id);
    // The hash stays behind: the response is built from the key alone.
    return toApiKeyResponse(stored.key);
  }
}
