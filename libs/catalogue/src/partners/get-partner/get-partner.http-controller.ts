import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PartnerResponse } from '../partner.response.js';
import { GetPartnerQuery } from './get-partner.query.js';

@ApiTags('partners')
@Controller('v1/partners')
export class GetPartnerHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code')
  @ApiOkResponse({ type: PartnerResponse })
  get(@Param('code') code: string): Promise<PartnerResponse> {
    return this.queries.execute(new GetPartnerQuery(code));
  }
}
