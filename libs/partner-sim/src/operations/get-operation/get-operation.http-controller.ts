import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { PartnerApi } from '../../http/partner-api.decorator.js';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { OperationResponse, toOperationResponse } from '../operation.response.js';
import { GetOperationQuery } from './get-operation.query.js';

@PartnerApi('partner operations')
@Controller('partners/:partner/operations')
export class GetOperationHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @ApiOkResponse({ type: OperationResponse })
  async get(@Param('partner', PartnerCodePipe) partner: string, @Param('id') id: string): Promise<OperationResponse> {
    return toOperationResponse(await this.queries.execute(new GetOperationQuery(partner, id)));
  }
}
