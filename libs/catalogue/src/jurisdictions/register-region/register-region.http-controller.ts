import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { GetRegionQuery } from '../get-region/get-region.query.js';
import { RegionResponse } from '../region.response.js';
import { RegisterRegionCommand } from './register-region.command.js';
import { RegisterRegionRequest } from './register-region.request.js';

@ApiTags('regions')
@Controller('v1/regions')
export class RegisterRegionHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: RegionResponse })
  async register(@Body() body: RegisterRegionRequest, @Res({ passthrough: true }) res: Response): Promise<RegionResponse> {
    await this.commands.execute(new RegisterRegionCommand({ code: body.code, name: body.name }));
    res.location(`/v1/regions/${body.code}`);
    return this.queries.execute(new GetRegionQuery(body.code));
  }
}
