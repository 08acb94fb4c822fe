import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { JurisdictionResponse } from '../jurisdiction.response.js';
import { ListJurisdictionsQuery } from './list-jurisdictions.query.js';
import { ListJurisdictionsRequest } from './list-jurisdictions.request.js';

@ApiTags('jurisdictions')
@Controller('v1/jurisdictions')
export class ListJurisdictionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListJurisdictionsRequest): Promise<Page<JurisdictionResponse>> {
    return this.queries.execute(new ListJurisdictionsQuery(filter));
  }
}
