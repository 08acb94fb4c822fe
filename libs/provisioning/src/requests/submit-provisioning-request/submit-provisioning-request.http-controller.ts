import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiHeader, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { PLATFORM_AND_TENANT } from '../../access/provisioning-roles.js';
import { idempotencyClaim } from '../../idempotency/idempotency-claim.js';
import { IDEMPOTENCY_KEY_DOC, IdempotencyKey } from '../../idempotency/idempotency-key.decorator.js';
import { sendStoredResponse } from '../../idempotency/stored-response.js';
import { ProvisioningRequestResponse } from '../provisioning-request.response.js';
import { SubmitProvisioningRequestCommand } from './submit-provisioning-request.command.js';
import { SubmitProvisioningRequestRequest, toIaasSpec } from './submit-provisioning-request.request.js';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class SubmitProvisioningRequestHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access({ roles: PLATFORM_AND_TENANT })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({ type: ProvisioningRequestResponse, description: 'Placed, capacity held, provisioning under way; `Location` names it.' })
  @ApiUnprocessableEntityResponse({ description: 'A rule refused it; when no data centre could take it, the rejected request is kept and `requestId` names it.' })
  async submit(
    @Body() body: SubmitProvisioningRequestRequest,
    @CurrentCaller() caller: Caller,
    @IdempotencyKey() key: string | null,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const response = await this.commands.execute(
      new SubmitProvisioningRequestCommand(
        caller,
        body.tenant.toLowerCase(),
        body.service,
        toIaasSpec(body.spec),
        idempotencyClaim(caller, key, req, body),
      ),
    );
    return sendStoredResponse(req, res, response);
  }
}
