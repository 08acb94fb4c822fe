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
import { RejectProvisioningRequestCommand } from './reject-provisioning-request.handler.js';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class RejectProvisioningRequestHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':id/reject')
  @Access({ roles: APPROVERS, object: ProvisioningRequestVisibility })
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ProvisioningRequestResponse, description: 'Rejected: REJECTED, and the capacity held for it released.' })
  @ApiConflictResponse({ description: 'Not awaiting approval: already approved, rejected or timed out, or never needed it.' })
  async reject(@Param('id') id: string, @Body() body: ApprovalRequest, @CurrentCaller() caller: Caller): Promise<ProvisioningRequestResponse> {
    await this.commands.execute(new RejectProvisioningRequestCommand(id, caller, body.reason));
    return this.queries.execute(new GetProvisioningRequestQuery(id));
  }
}
