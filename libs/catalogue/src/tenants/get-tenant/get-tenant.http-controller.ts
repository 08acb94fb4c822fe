import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { TenantVisibility } from '../../access/scoped.visibility.js';
import { TenantResponse } from '../tenant.response.js';
import { GetTenantQuery } from './get-tenant.query.js';

@ApiTags('tenants')
@Controller('v1/tenants')
export class GetTenantHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Access({ roles: EVERY_ROLE, object: TenantVisibility })
  @ApiOkResponse({ type: TenantResponse })
  get(@Param('id') id: string): Promise<TenantResponse> {
    return this.queries.execute(new GetTenantQuery(id));
  }
}
