import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { FaultResponse, toFaultResponse } from '../fault.response.js';
import { AddFaultCommand } from './add-fault.command.js';
import { AddFaultRequest } from './add-fault.request.js';

@ApiTags('admin')
@Controller('admin/partners/:partner/faults')
export class AddFaultHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiCreatedResponse({
    type: FaultResponse,
    description:
      'The next `count` calls that would start a matching operation fail this way (replays of an operation already started are unaffected).',
  })
  async add(@Param('partner', PartnerCodePipe) partner: string, @Body() body: AddFaultRequest): Promise<FaultResponse> {
    const fault = await this.commands.execute(
      new AddFaultCommand({
        partner,
        action: body.action,
        resourceType: body.resourceType ?? null,
        kind: body.kind,
        count: body.count,
        httpStatus: body.httpStatus ?? null,
        retryAfterSeconds: body.retryAfterSeconds ?? null,
      }),
    );
    return toFaultResponse(fault);
  }
}
