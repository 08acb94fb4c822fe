import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JurisdictionResponse } from '../jurisdiction.response.js';
import { GetJurisdictionQuery } from './get-jurisdiction.query.js';

@ApiTags('jurisdictions')
@Controller('v1/jurisdictions')
export class GetJurisdictionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':country')
  @ApiOkResponse({ type: JurisdictionResponse })
  get(@Param('country') country: string): Promise<JurisdictionResponse> {
    return this.queries.execute(new GetJurisdictionQuery(country));
  }
}
