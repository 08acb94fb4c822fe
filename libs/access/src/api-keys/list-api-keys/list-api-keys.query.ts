import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { ApiKeyResponse } from '../api-key.response.js';
import type { ListApiKeysRequest } from './list-api-keys.request.js';

export class ListApiKeysQuery extends Query<Page<ApiKeyResponse>> {
  constructor(readonly filter: ListApiKeysRequest) {
    super();
  }
}
