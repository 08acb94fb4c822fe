import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { ListResourcesQuery } from '../../resources/list-resources/list-resources.query.js';
import { ListResourcesRequest } from '../../resources/list-resources/list-resources.request.js';
import { ResourceListResponse, toResourceResponse } from '../../resources/resource.response.js';

/** The partner's resources as the simulator knows them, for tests and demos: never a simulated outage. */
@ApiTags('admin')
@Controller('admin/partners/:partner/resources')
export class InspectResourcesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: ResourceListResponse, description: 'As GET /partners/{partner}/resources, without the partner’s flakiness.' })
  async inspect(@Param('partner', PartnerCodePipe) partner: string, @Query() filter: ListResourcesRequest): Promise<ResourceListResponse> {
    const resources = await this.queries.execute(new ListResourcesQuery(partner, filter, 'admin'));
    return { items: resources.map(toResourceResponse) };
  }
}
