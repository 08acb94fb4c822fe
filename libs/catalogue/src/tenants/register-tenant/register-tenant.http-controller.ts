import { randomUUID } from 'node:crypto';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { GetTenantQuery } from '../get-tenant/get-tenant.query.js';
import { TenantResponse } from '../tenant.response.js';
import { RegisterTenantCommand } from './register-tenant.command.js';
import { RegisterTenantRequest } from './register-tenant.request.js';

@ApiTags('tenants')
@Controller('v1/tenants')
export class RegisterTenantHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: TenantResponse })
  async register(@Body() body: RegisterTenantRequest, @Res({ passthrough: true }) res: Response): Promise<TenantResponse> {
    const id = randomUUID();
    const { vcpu, memoryGib, storageGib, vms } = body.quotas;
    await this.commands.execute(
      new RegisterTenantCommand({
        id,
        name: body.name,
        homeCountry: body.homeCountry,
        segment: body.segment,
        sector: body.sector,
        residency: body.residency,
        quotas: { vcpu, memoryGib, storageGib, vms },
      }),
    );
    res.location(`/v1/tenants/${id}`);
    return this.queries.execute(new GetTenantQuery(id));
  }
}
