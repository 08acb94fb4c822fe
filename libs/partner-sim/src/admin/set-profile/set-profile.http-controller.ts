import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { GetProfileQuery } from '../get-profile/get-profile.query.js';
import { ProfileResponse } from '../profile.response.js';
import { SetProfileCommand } from './set-profile.command.js';
import { SetProfileRequest } from './set-profile.request.js';

@ApiTags('admin')
@Controller('admin/partners/:partner/profile')
export class SetProfileHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put()
  @ApiOkResponse({
    type: ProfileResponse,
    description: 'Applies to calls from now on; operations already started keep their outcome. Under a seed, calls count from zero again.',
  })
  async set(@Param('partner', PartnerCodePipe) partner: string, @Body() body: SetProfileRequest): Promise<ProfileResponse> {
    await this.commands.execute(
      new SetProfileCommand(partner, {
        latencyMs: body.latencyMs,
        jitterMs: body.jitterMs,
        transientFailureRate: body.transientFailureRate,
        permanentFailureRate: body.permanentFailureRate,
        seed: body.seed ?? null,
      }),
    );
    return this.queries.execute(new GetProfileQuery(partner));
  }
}
