import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { TenantVisibility } from '../../access/scoped.visibility.js';
import type { TenantQuotas } from '../../domain/tenant.js';
import { GetTenantQuery } from '../get-tenant/get-tenant.query.js';
import { TenantResponse } from '../tenant.response.js';
import { ChangeTenantQuotasCommand } from './change-tenant-quotas.command.js';
import { ChangeTenantQuotasRequest } from './change-tenant-quotas.request.js';

const QUOTA_FIELDS = ['vcpu', 'memoryGib', 'storageGib', 'vms'] as const satisfies readonly (keyof TenantQuotas)[];

@ApiTags('tenants')
@Controller('v1/tenants')
export class ChangeTenantQuotasHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Patch(':id/quotas')
  @Access({ roles: PLATFORM_ONLY, object: TenantVisibility })
  @ApiBody({ type: ChangeTenantQuotasRequest, description: 'Send at least one quota; the ones left out stay as they are.' })
  @ApiOkResponse({ type: TenantResponse })
  async change(@Param('id') id: string, @Body() body: ChangeTenantQuotasRequest): Promise<TenantResponse> {
    const changes: Partial<TenantQuotas> = {};
    for (const field of QUOTA_FIELDS) {
      if (body[field] !== undefined) changes[field] = body[field];
    }
    if (Object.keys(changes).length === 0) {
      throw new RequestValidationException([
        { field: '(body)', message: `send at least one of ${QUOTA_FIELDS.join(', ')}` },
      ]);
    }
    await this.commands.execute(new ChangeTenantQuotasCommand(id, changes));
    return this.queries.execute(new GetTenantQuery(id));
  }
}
