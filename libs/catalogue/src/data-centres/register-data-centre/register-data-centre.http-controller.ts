import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { DataCentreResponse } from '../data-centre.response.js';
import { GetDataCentreQuery } from '../get-data-centre/get-data-centre.query.js';
import { RegisterDataCentreCommand } from './register-data-centre.command.js';
import { RegisterDataCentreRequest } from './register-data-centre.request.js';

@ApiTags('data-centres')
@Controller('v1/data-centres')
export class RegisterDataCentreHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: DataCentreResponse })
  async register(
    @Body() body: RegisterDataCentreRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DataCentreResponse> {
    const { vcpu, memoryGib, storageGib, publicIps } = body.capacity;
    await this.commands.execute(
      new RegisterDataCentreCommand(
        {
          code: body.code,
          name: body.name,
          country: body.country,
          ownership: body.ownership,
          services: body.services,
          capacity: { vcpu, memoryGib, storageGib, publicIps },
          status: body.status ?? 'active',
          availableFrom: body.availableFrom ?? null,
        },
        body.operator,
      ),
    );
    res.location(`/v1/data-centres/${body.code}`);
    return this.queries.execute(new GetDataCentreQuery(body.code));
  }
}
