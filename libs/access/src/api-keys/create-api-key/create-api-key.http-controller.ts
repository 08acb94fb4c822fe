import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../authentication/current-caller.decorator.js';
import { Access, PLATFORM_ONLY } from '../../authorization/access.decorator.js';
import type { Caller } from '../../domain/caller.js';
import { GetApiKeyQuery } from '../get-api-key/get-api-key.query.js';
import { CreateApiKeyCommand } from './create-api-key.command.js';
import { CreateApiKeyRequest, scopeOfRequest } from './create-api-key.request.js';
import { CreatedApiKeyResponse } from './created-api-key.response.js';

@ApiTags('api-keys')
@Controller('v1/api-keys')
export class CreateApiKeyHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, description: 'The key is in `key`, this once.' })
  async create(
    @Body() body: CreateApiKeyRequest,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreatedApiKeyResponse> {
    const issued = await this.commands.execute(
      new CreateApiKeyCommand(body.name, body.role, scopeOfRequest(body), caller.keyId),
    );
    res.location(`/v1/api-keys/${issued.id}`);
    // A secret must not sit in a shared cache or the browser's history.
    res.setHeader('Cache-Control', 'no-store');
    const key = await this.queries.execute(new GetApiKeyQuery(issued.id));
    return { ...key, key: issued.plaintext };
  }
}
