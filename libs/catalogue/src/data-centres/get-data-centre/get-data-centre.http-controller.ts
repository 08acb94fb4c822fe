import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { DataCentreVisibility } from '../../access/scoped.visibility.js';
import { DataCentreResponse } from '../data-centre.response.js';
import { GetDataCentreQuery } from './get-data-centre.query.js';

@ApiTags('data-centres')
@Controller('v1/data-centres')
export class GetDataCentreHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code')
  @Access({ roles: EVERY_ROLE, object: DataCentreVisibility })
  @ApiOkResponse({ type: DataCentreResponse })
  get(@Param('code') code: string): Promise<DataCentreResponse> {
    return this.queries.execute(new GetDataCentreQuery(code));
  }
}
