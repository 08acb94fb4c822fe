import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { ProfileResponse } from '../profile.response.js';
import { GetProfileQuery } from './get-profile.query.js';

@ApiTags('admin')
@Controller('admin/partners/:partner/profile')
export class GetProfileHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: ProfileResponse, description: 'An unconfigured partner answers with the defaults: no latency, no failures.' })
  get(@Param('partner', PartnerCodePipe) partner: string): Promise<ProfileResponse> {
    return this.queries.execute(new GetProfileQuery(partner));
  }
}
