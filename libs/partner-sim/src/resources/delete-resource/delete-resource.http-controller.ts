import { Controller, Delete, HttpCode, HttpStatus, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdempotencyKey } from '../../http/idempotency-key.decorator.js';
import { PartnerApi } from '../../http/partner-api.decorator.js';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { operationLocation, OperationResponse, toOperationResponse } from '../../operations/operation.response.js';
import { DeleteResourceCommand } from './delete-resource.command.js';

@PartnerApi('partner resources')
@Controller('partners/:partner/resources')
export class DeleteResourceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiAcceptedResponse({
    type: OperationResponse,
    description: 'The delete operation. Deleting a resource that is already deleted starts one that succeeds.',
  })
  async delete(
    @Param('partner', PartnerCodePipe) partner: string,
    @Param('id') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OperationResponse> {
    const operation = await this.commands.execute(new DeleteResourceCommand(partner, idempotencyKey, id));
    res.location(operationLocation(operation));
    return toOperationResponse(operation);
  }
}
