import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { DataCentreVisibility } from '../../access/scoped.visibility.js';
import { CAPACITY_POOLS, type CapacityPools } from '../../domain/capacity.js';
import { DataCentreResponse } from '../data-centre.response.js';
import { GetDataCentreQuery } from '../get-data-centre/get-data-centre.query.js';
import { ChangeDataCentreCapacityCommand } from './change-data-centre-capacity.command.js';
import { ChangeDataCentreCapacityRequest } from './change-data-centre-capacity.request.js';

@ApiTags('data-centres')
@Controller('v1/data-centres')
export class ChangeDataCentreCapacityHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Patch(':code/capacity')
  @Access({ roles: PLATFORM_ONLY, object: DataCentreVisibility })
  @ApiOkResponse({ type: DataCentreResponse })
  async change(@Param('code') code: string, @Body() body: ChangeDataCentreCapacityRequest): Promise<DataCentreResponse> {
    // Only the pools sent: an absent pool must not overwrite a stored total.
    const changes: Partial<CapacityPools> = {};
    for (const pool of CAPACITY_POOLS) {
      const total = body[pool];
      if (total !== undefined) changes[pool] = total;
    }
    if (Object.keys(changes).length === 0) {
      throw new RequestValidationException([
        { field: '(body)', message: `name at least one pool to change: ${CAPACITY_POOLS.join(', ')}` },
      ]);
    }
    await this.commands.execute(new ChangeDataCentreCapacityCommand(code, changes));
    return this.queries.execute(new GetDataCentreQuery(code));
  }
}
