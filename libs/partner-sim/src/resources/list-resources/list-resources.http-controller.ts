import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { PartnerApi } from '../../http/partner-api.decorator.js';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { ResourceListResponse, toResourceResponse } from '../resource.response.js';
import { ListResourcesQuery } from './list-resources.query.js';
import { ListResourcesRequest } from './list-resources.request.js';

@PartnerApi('partner resources')
@Controller('partners/:partner/resources')
export class ListResourcesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: ResourceListResponse, description: 'Oldest first; deleted resources only when asked for.' })
  async list(@Param('partner', PartnerCodePipe) partner: string, @Query() filter: ListResourcesRequest): Promise<ResourceListResponse> {
    const resources = await this.queries.execute(new ListResourcesQuery(partner, filter, 'partner-api'));
    return { items: resources.map(toResourceResponse) };
  }
}
