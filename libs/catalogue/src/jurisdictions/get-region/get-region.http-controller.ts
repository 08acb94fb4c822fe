import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { RegionVisibility } from '../../access/reference-data.visibility.js';
import { RegionResponse } from '../region.response.js';
import { GetRegionQuery } from './get-region.query.js';

@ApiTags('regions')
@Controller('v1/regions')
export class GetRegionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code')
  @Access({ roles: EVERY_ROLE, object: RegionVisibility })
  @ApiOkResponse({ type: RegionResponse })
  get(@Param('code') code: string): Promise<RegionResponse> {
    return this.queries.execute(new GetRegionQuery(code));
  }
}
