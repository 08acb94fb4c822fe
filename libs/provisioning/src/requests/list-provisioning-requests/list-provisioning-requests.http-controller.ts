import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { ProvisioningRequestSummaryResponse } from '../provisioning-request.response.js';
import { ListProvisioningRequestsQuery } from './list-provisioning-requests.query.js';
import { ListProvisioningRequestsRequest } from './list-provisioning-requests.request.js';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class ListProvisioningRequestsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(
    @Query() filter: ListProvisioningRequestsRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<Page<ProvisioningRequestSummaryResponse>> {
    return this.queries.execute(new ListProvisioningRequestsQuery(filter, caller));
  }
}
