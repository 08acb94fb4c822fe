import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { RegionResponse } from '../region.response.js';
import type { ListRegionsRequest } from './list-regions.request.js';

export class ListRegionsQuery extends Query<Page<RegionResponse>> {
  constructor(readonly filter: ListRegionsRequest) {
    super();
  }
}
