import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { Access, PLATFORM_ONLY } from '../../authorization/access.decorator.js';
import type { ApiKeyResponse } from '../api-key.response.js';
import { ListApiKeysQuery } from './list-api-keys.query.js';
import { ListApiKeysRequest } from './list-api-keys.request.js';

@ApiTags('api-keys')
@Controller('v1/api-keys')
export class ListApiKeysHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: PLATFORM_ONLY })
  list(@Query() filter: ListApiKeysRequest): Promise<Page<ApiKeyResponse>> {
    return this.queries.execute(new ListApiKeysQuery(filter));
  }
}
