import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { PartnerResponse } from '../partner.response.js';
import { ListPartnersQuery } from './list-partners.query.js';
import { ListPartnersRequest } from './list-partners.request.js';

@ApiTags('partners')
@Controller('v1/partners')
export class ListPartnersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@Query() filter: ListPartnersRequest): Promise<Page<PartnerResponse>> {
    return this.queries.execute(new ListPartnersQuery(filter));
  }
}
