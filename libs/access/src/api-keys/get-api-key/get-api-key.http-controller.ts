import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, PLATFORM_ONLY } from '../../authorization/access.decorator.js';
import { ApiKeyResponse } from '../api-key.response.js';
import { ApiKeyVisibility } from '../api-key-visibility.js';
import { GetApiKeyQuery } from './get-api-key.query.js';

@ApiTags('api-keys')
@Controller('v1/api-keys')
export class GetApiKeyHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Access({ roles: PLATFORM_ONLY, object: ApiKeyVisibility })
  @ApiOkResponse({ type: ApiKeyResponse })
  get(@Param('id') id: string): Promise<ApiKeyResponse> {
    return this.queries.execute(new GetApiKeyQuery(id));
  }
}
