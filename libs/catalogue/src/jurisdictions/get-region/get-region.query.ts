import { Query } from '@nestjs/cqrs';
import type { RegionResponse } from '../region.response.js';

export class GetRegionQuery extends Query<RegionResponse> {
  constructor(readonly code: string) {
    super();
  }
}
