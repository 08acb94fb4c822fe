import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { DeploymentResponse } from '../deployment.response.js';
import { ListDeploymentsQuery } from './list-deployments.query.js';
import { ListDeploymentsRequest } from './list-deployments.request.js';

@ApiTags('deployments')
@Controller('v1/deployments')
export class ListDeploymentsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListDeploymentsRequest, @CurrentCaller() caller: Caller): Promise<Page<DeploymentResponse>> {
    return this.queries.execute(new ListDeploymentsQuery(filter, caller));
  }
}
