import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { TenantVisibility } from '../../access/scoped.visibility.js';
import { GetTenantQuery } from '../get-tenant/get-tenant.query.js';
import { TenantResponse } from '../tenant.response.js';
import { SuspendTenantCommand } from './suspend-tenant.command.js';
import { SuspendTenantRequest } from './suspend-tenant.request.js';

@ApiTags('tenants')
@Controller('v1/tenants')
export class SuspendTenantHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  // 200, not 201: the action changes the tenant, it creates nothing.
  @Post(':id/suspend')
  @Access({ roles: PLATFORM_ONLY, object: TenantVisibility })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TenantResponse })
  async suspend(@Param('id') id: string, @Body() body: SuspendTenantRequest): Promise<TenantResponse> {
    await this.commands.execute(new SuspendTenantCommand(id, body.reason));
    return this.queries.execute(new GetTenantQuery(id));
  }
}
