import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { FaultListResponse, toFaultResponse } from '../fault.response.js';
import { ListFaultsQuery } from './list-faults.query.js';

@ApiTags('admin')
@Controller('admin/partners/:partner/faults')
export class ListFaultsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: FaultListResponse, description: 'Faults with calls left to fail, oldest (next to apply) first.' })
  async list(@Param('partner', PartnerCodePipe) partner: string): Promise<FaultListResponse> {
    const faults = await this.queries.execute(new ListFaultsQuery(partner));
    return { items: faults.map(toFaultResponse) };
  }
}
