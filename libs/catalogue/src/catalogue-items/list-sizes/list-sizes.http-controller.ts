import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { SizeResponse } from '../size.response.js';
import { ListSizesQuery } from './list-sizes.query.js';
import { ListSizesRequest } from './list-sizes.request.js';

@ApiTags('catalogue')
@Controller('v1/catalogue/sizes')
export class ListSizesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListSizesRequest): Promise<Page<SizeResponse>> {
    return this.queries.execute(new ListSizesQuery(filter));
  }
}
