import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { TenantVisibility } from '../../access/scoped.visibility.js';
import { GetTenantQuery } from '../get-tenant/get-tenant.query.js';
import { TenantResponse } from '../tenant.response.js';
import { ResumeTenantCommand } from './resume-tenant.command.js';

@ApiTags('tenants')
@Controller('v1/tenants')
export class ResumeTenantHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  // No body: resuming takes nothing but the tenant. 200: it changes the tenant, creates nothing.
  @Post(':id/resume')
  @Access({ roles: PLATFORM_ONLY, object: TenantVisibility })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: TenantResponse })
  async resume(@Param('id') id: string): Promise<TenantResponse> {
    await this.commands.execute(new ResumeTenantCommand(id));
    return this.queries.execute(new GetTenantQuery(id));
  }
}
