import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '#libs/access/src/authorization/access.decorator.js';
import { DataCentreVisibility } from '../../access/scoped.visibility.js';
import { DataCentreResponse } from '../data-centre.response.js';
import { GetDataCentreQuery } from '../get-data-centre/get-data-centre.query.js';
import { ChangeDataCentreStatusCommand } from './change-data-centre-status.command.js';
import { ChangeDataCentreStatusRequest } from './change-data-centre-status.request.js';

@ApiTags('data-centres')
@Controller('v1/data-centres')
export class ChangeDataCentreStatusHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Patch(':code/status')
  @Access({ roles: ['platform-operator', 'partner-operator'], object: DataCentreVisibility })
  @ApiOkResponse({ type: DataCentreResponse })
  async change(@Param('code') code: string, @Body() body: ChangeDataCentreStatusRequest): Promise<DataCentreResponse> {
    await this.commands.execute(
      new ChangeDataCentreStatusCommand(code, body.status, body.availableFrom ?? null, body.reason ?? null),
    );
    return this.queries.execute(new GetDataCentreQuery(code));
  }
}
