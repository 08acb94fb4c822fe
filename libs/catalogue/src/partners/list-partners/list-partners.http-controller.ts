import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { PartnerResponse } from '../partner.response.js';
import { ListPartnersQuery } from './list-partners.query.js';
import { ListPartnersRequest } from './list-partners.request.js';

@ApiTags('partners')
@Controller('v1/partners')
export class ListPartnersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListPartnersRequest, @CurrentCaller() caller: Caller): Promise<Page<PartnerResponse>> {
    return this.queries.execute(new ListPartnersQuery(filter, caller));
  }
}
