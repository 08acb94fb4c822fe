import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TenantResponse } from '../tenant.response.js';
import { GetTenantQuery } from './get-tenant.query.js';

@ApiTags('tenants')
@Controller('v1/tenants')
export class GetTenantHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOkResponse({ type: TenantResponse })
  get(@Param('id') id: string): Promise<TenantResponse> {
    return this.queries.execute(new GetTenantQuery(id));
  }
}
