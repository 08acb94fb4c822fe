import { Controller, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { ProvisioningRequestVisibility } from '../../access/placed-work.visibility.js';
import { PLATFORM_AND_TENANT } from '../../access/provisioning-roles.js';
import { GetProvisioningRequestQuery } from '../get-provisioning-request/get-provisioning-request.query.js';
import { ProvisioningRequestResponse } from '../provisioning-request.response.js';
import { CancelProvisioningRequestCommand } from './cancel-provisioning-request.command.js';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class CancelProvisioningRequestHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  // 202: the executor stops the request and rolls back what was done; follow it on the resource.
  @Post(':id/cancel')
  @Access({ roles: PLATFORM_AND_TENANT, object: ProvisioningRequestVisibility })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ProvisioningRequestResponse, description: '`cancelRequested` is set; the rollback follows.' })
  @ApiConflictResponse({ description: 'ACTIVE (decommission its deployment instead), or finished.' })
  async cancel(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProvisioningRequestResponse> {
    await this.commands.execute(new CancelProvisioningRequestCommand(id, caller));
    const request = await this.queries.execute(new GetProvisioningRequestQuery(id));
    res.location(`/v1/provisioning-requests/${request.id}`);
    return request;
  }
}
