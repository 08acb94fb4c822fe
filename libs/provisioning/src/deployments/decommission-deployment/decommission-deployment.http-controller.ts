import { Controller, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiConflictResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller } from '#libs/access/src/authentication/current-caller.decorator.js';
import { Access } from '#libs/access/src/authorization/access.decorator.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { DeploymentVisibility } from '../../access/placed-work.visibility.js';
import { PLATFORM_AND_TENANT } from '../../access/provisioning-roles.js';
import { idempotencyClaim } from '../../idempotency/idempotency-claim.js';
import { IDEMPOTENCY_KEY_DOC, IdempotencyKey } from '../../idempotency/idempotency-key.decorator.js';
import { sendStoredResponse } from '../../idempotency/stored-response.js';
import { DeploymentResponse } from '../deployment.response.js';
import { DecommissionDeploymentCommand } from './decommission-deployment.command.js';

@ApiTags('deployments')
@Controller('v1/deployments')
export class DecommissionDeploymentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/decommission')
  @Access({ roles: PLATFORM_AND_TENANT, object: DeploymentVisibility })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader(IDEMPOTENCY_KEY_DOC)
  @ApiAcceptedResponse({ type: DeploymentResponse, description: 'Decommissioning; its request goes DECOMMISSIONING → DECOMMISSIONED.' })
  @ApiConflictResponse({ description: 'Already decommissioning or decommissioned.' })
  async decommission(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @IdempotencyKey() key: string | null,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const response = await this.commands.execute(new DecommissionDeploymentCommand(id, caller, idempotencyClaim(caller, key, req, {})));
    return sendStoredResponse(req, res, response);
  }
}
