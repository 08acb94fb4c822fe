import { Controller, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdempotencyKey } from '../../http/idempotency-key.decorator.js';
import { PartnerApi } from '../../http/partner-api.decorator.js';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { operationLocation, OperationResponse, toOperationResponse } from '../../operations/operation.response.js';
import { PowerOnResourceCommand } from './power-on-resource.command.js';

@PartnerApi('partner resources')
@Controller('partners/:partner/resources')
export class PowerOnResourceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/power-on')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiAcceptedResponse({ type: OperationResponse, description: 'The power-on operation (an active vm only: 422 for another type, 409 before it is active).' })
  async powerOn(
    @Param('partner', PartnerCodePipe) partner: string,
    @Param('id') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OperationResponse> {
    const operation = await this.commands.execute(new PowerOnResourceCommand(partner, idempotencyKey, id));
    res.location(operationLocation(operation));
    return toOperationResponse(operation);
  }
}
