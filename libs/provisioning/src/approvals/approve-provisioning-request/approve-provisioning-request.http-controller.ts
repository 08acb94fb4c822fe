import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { ProvisioningRequestVisibility } from '../../access/placed-work.visibility.js';
import { APPROVERS } from '../../access/provisioning-roles.js';
import { GetProvisioningRequestQuery } from '../../requests/get-provisioning-request/get-provisioning-request.query.js';
import { ProvisioningRequestResponse } from '../../requests/provisioning-request.response.js';
import { ApprovalRequest } from '../approval.request.js';
import { ApproveProvisioningRequestCommand } from './approve-provisioning-request.handler.js';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class ApproveProvisioningRequestHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':id/approve')
  @Access({ roles: APPROVERS, object: ProvisioningRequestVisibility })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ProvisioningRequestResponse, description: 'Approved: PROVISIONING, with the capacity held at submission.' })
  @ApiConflictResponse({ description: 'Not awaiting approval: already approved, rejected or timed out, or never needed it.' })
  async approve(@Param('id') id: string, @Body() body: ApprovalRequest, @CurrentCaller() caller: Caller): Promise<ProvisioningRequestResponse> {
    await this.commands.execute(new ApproveProvisioningRequestCommand(id, caller, body.reason));
    return this.queries.execute(new GetProvisioningRequestQuery(id));
  }
}
