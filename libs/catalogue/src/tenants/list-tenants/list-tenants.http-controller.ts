import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { TenantResponse } from '../tenant.response.js';
import { ListTenantsQuery } from './list-tenants.query.js';
import { ListTenantsRequest } from './list-tenants.request.js';

@ApiTags('tenants')
@Controller('v1/tenants')
export class ListTenantsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@Query() filter: ListTenantsRequest): Promise<Page<TenantResponse>> {
    return this.queries.execute(new ListTenantsQuery(filter));
  }
}
