import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { RegionResponse } from '../region.response.js';
import { ListRegionsQuery } from './list-regions.query.js';
import { ListRegionsRequest } from './list-regions.request.js';

@ApiTags('regions')
@Controller('v1/regions')
export class ListRegionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@Query() filter: ListRegionsRequest): Promise<Page<RegionResponse>> {
    return this.queries.execute(new ListRegionsQuery(filter));
  }
}
