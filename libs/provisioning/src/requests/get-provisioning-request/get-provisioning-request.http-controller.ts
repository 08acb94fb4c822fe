import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { ProvisioningRequestVisibility } from '../../access/placed-work.visibility.js';
import { ProvisioningRequestResponse } from '../provisioning-request.response.js';
import { GetProvisioningRequestQuery } from './get-provisioning-request.query.js';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class GetProvisioningRequestHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Access({ roles: EVERY_ROLE, object: ProvisioningRequestVisibility })
  @ApiOkResponse({ type: ProvisioningRequestResponse })
  get(@Param('id') id: string): Promise<ProvisioningRequestResponse> {
    return this.queries.execute(new GetProvisioningRequestQuery(id));
  }
}
