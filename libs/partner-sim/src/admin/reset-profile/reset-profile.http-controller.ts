import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { ResetProfileCommand } from './reset-profile.command.js';

@ApiTags('admin')
@Controller('admin/partners/:partner/profile')
export class ResetProfileHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The partner behaves as the defaults again: no latency, no failures.' })
  async reset(@Param('partner', PartnerCodePipe) partner: string): Promise<void> {
    await this.commands.execute(new ResetProfileCommand(partner));
  }
}
