import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { TenantResponse } from '../tenant.response.js';
import { ListTenantsQuery } from './list-tenants.query.js';
import { ListTenantsRequest } from './list-tenants.request.js';

@ApiTags('tenants')
@Controller('v1/tenants')
export class ListTenantsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: ['platform-operator', 'tenant'] })
  list(@Query() filter: ListTenantsRequest, @CurrentCaller() caller: Caller): Promise<Page<TenantResponse>> {
    return this.queries.execute(new ListTenantsQuery(filter, caller));
  }
}
