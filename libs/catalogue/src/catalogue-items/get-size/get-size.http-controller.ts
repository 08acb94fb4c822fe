import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { SizeVisibility } from '../../access/reference-data.visibility.js';
import { SizeResponse } from '../size.response.js';
import { GetSizeQuery } from './get-size.query.js';

@ApiTags('catalogue')
@Controller('v1/catalogue/sizes')
export class GetSizeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code')
  @Access({ roles: EVERY_ROLE, object: SizeVisibility })
  @ApiOkResponse({ type: SizeResponse })
  get(@Param('code') code: string): Promise<SizeResponse> {
    return this.queries.execute(new GetSizeQuery(code));
  }
}
