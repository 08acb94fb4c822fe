import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { SizeResponse } from '../size.response.js';
import type { ListSizesRequest } from './list-sizes.request.js';

export class ListSizesQuery extends Query<Page<SizeResponse>> {
  constructor(readonly filter: ListSizesRequest) {
    super();
  }
}
