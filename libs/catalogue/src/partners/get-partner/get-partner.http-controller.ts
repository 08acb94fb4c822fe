import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { PartnerVisibility } from '../../access/scoped.visibility.js';
import { PartnerResponse } from '../partner.response.js';
import { GetPartnerQuery } from './get-partner.query.js';

@ApiTags('partners')
@Controller('v1/partners')
export class GetPartnerHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code')
  @Access({ roles: EVERY_ROLE, object: PartnerVisibility })
  @ApiOkResponse({ type: PartnerResponse })
  get(@Param('code') code: string): Promise<PartnerResponse> {
    return this.queries.execute(new GetPartnerQuery(code));
  }
}
