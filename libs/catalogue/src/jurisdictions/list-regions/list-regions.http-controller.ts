import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { RegionResponse } from '../region.response.js';
import { ListRegionsQuery } from './list-regions.query.js';
import { ListRegionsRequest } from './list-regions.request.js';

@ApiTags('regions')
@Controller('v1/regions')
export class ListRegionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListRegionsRequest): Promise<Page<RegionResponse>> {
    return this.queries.execute(new ListRegionsQuery(filter));
  }
}
