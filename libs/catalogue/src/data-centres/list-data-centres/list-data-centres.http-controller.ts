import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { DataCentreResponse } from '../data-centre.response.js';
import { ListDataCentresQuery } from './list-data-centres.query.js';
import { ListDataCentresRequest } from './list-data-centres.request.js';

@ApiTags('data-centres')
@Controller('v1/data-centres')
export class ListDataCentresHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListDataCentresRequest, @CurrentCaller() caller: Caller): Promise<Page<DataCentreResponse>> {
    return this.queries.execute(new ListDataCentresQuery(filter, caller));
  }
}
