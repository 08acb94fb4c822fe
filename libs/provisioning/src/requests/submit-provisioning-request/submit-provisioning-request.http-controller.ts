import { Body, Controller, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiHeader, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { PLATFORM_AND_TENANT } from '../../access/provisioning-roles.js';
import { idempotencyClaim } from '../../idempotency/idempotency-claim.js';
import { IDEMPOTENCY_KEY_DOC, IdempotencyKey } from '../../idempotency/idempotency-key.decorator.js';
import { sendStoredResponse } from '../../idempotency/stored-response.js';
import { DryRunProvisioningRequestQuery } from '../dry-run-provisioning-request/dry-run-provisioning-request.handler.js';
import { SubmitOptionsRequest } from '../dry-run-provisioning-request/dry-run.request.js';
import { ProvisioningRequestResponse } from '../provisioning-request.response.js';
import { SubmitProvisioningRequestCommand } from './submit-provisioning-request.command.js';
import { SubmitProvisioningRequestRequest, toIaasSpec } from './submit-provisioning-request.request.js';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class SubmitProvisioningRequestHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_AND_TENANT })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({ type: ProvisioningRequestResponse, description: 'Placed, capacity held, provisioning under way; `Location` names it.' })
  @ApiOkResponse({ description: 'With `?dryRun=true`: the policy decision and placement a submission would get; nothing is written.' })
  @ApiUnprocessableEntityResponse({
    description: 'Refused: the request is kept as REJECTED (`requestId` names it) with the policy decision and placement that refused it.',
  })
  async submit(
    @Body() body: SubmitProvisioningRequestRequest,
    @Query() options: SubmitOptionsRequest,
    @CurrentCaller() caller: Caller,
    @IdempotencyKey() key: string | null,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    if (options.dryRun === 'true') {
      res.status(HttpStatus.OK);
      const result = await this.queries.execute(new DryRunProvisioningRequestQuery(caller, body.tenant.toLowerCase(), body.service, toIaasSpec(body.spec)));
      return result as unknown as Record<string, unknown>;
    }
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
