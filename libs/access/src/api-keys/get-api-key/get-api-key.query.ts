import { Query } from '@nestjs/cqrs';
import type { ApiKeyResponse } from '../api-key.response.js';

export class GetApiKeyQuery extends Query<ApiKeyResponse> {
  constructor(readonly id: string) {
    super();
  }
}
