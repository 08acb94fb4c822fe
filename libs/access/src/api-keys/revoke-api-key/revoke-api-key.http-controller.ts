import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, PLATFORM_ONLY } from '../../authorization/access.decorator.js';
import { ApiKeyResponse } from '../api-key.response.js';
import { ApiKeyVisibility } from '../api-key-visibility.js';
import { GetApiKeyQuery } from '../get-api-key/get-api-key.query.js';
import { RevokeApiKeyCommand } from './revoke-api-key.command.js';

@ApiTags('api-keys')
@Controller('v1/api-keys')
export class RevokeApiKeyHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  // 200, not 201: revoking changes the key, it creates nothing. The key fails on its next use.
  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @Access({ roles: PLATFORM_ONLY, object: ApiKeyVisibility })
  @ApiOkResponse({ type: ApiKeyResponse })
  async revoke(@Param('id') id: string): Promise<ApiKeyResponse> {
    await this.commands.execute(new RevokeApiKeyCommand(id));
    return this.queries.execute(new GetApiKeyQuery(id));
  }
}
