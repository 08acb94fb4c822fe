import { Body, Controller, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdempotencyKey } from '../../http/idempotency-key.decorator.js';
import { PartnerApi } from '../../http/partner-api.decorator.js';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { operationLocation, OperationResponse, toOperationResponse } from '../../operations/operation.response.js';
import { CreateResourceCommand } from './create-resource.command.js';
import { CreateResourceRequest } from './create-resource.request.js';

@PartnerApi('partner resources')
@Controller('partners/:partner/resources')
export class CreateResourceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'The same key and body again answer with the same operation.' })
  @ApiAcceptedResponse({ type: OperationResponse, description: 'The create operation; poll it until it is no longer running.' })
  async create(
    @Param('partner', PartnerCodePipe) partner: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateResourceRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OperationResponse> {
    const operation = await this.commands.execute(
      new CreateResourceCommand(partner, idempotencyKey, body.type, body.spec, body.labels),
    );
    res.location(operationLocation(operation));
    return toOperationResponse(operation);
  }
}
