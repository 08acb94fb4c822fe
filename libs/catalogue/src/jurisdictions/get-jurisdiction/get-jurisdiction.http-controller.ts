import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { JurisdictionVisibility } from '../../access/reference-data.visibility.js';
import { JurisdictionResponse } from '../jurisdiction.response.js';
import { GetJurisdictionQuery } from './get-jurisdiction.query.js';

@ApiTags('jurisdictions')
@Controller('v1/jurisdictions')
export class GetJurisdictionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':country')
  @Access({ roles: EVERY_ROLE, object: JurisdictionVisibility })
  @ApiOkResponse({ type: JurisdictionResponse })
  get(@Param('country') country: string): Promise<JurisdictionResponse> {
    return this.queries.execute(new GetJurisdictionQuery(country));
  }
}
