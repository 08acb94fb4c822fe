import { Controller, Delete, HttpCode, HttpStatus, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { PartnerCodePipe } from '../../http/partner-code.pipe.js';
import { ClearFaultsCommand } from './clear-faults.command.js';

@ApiTags('admin')
@Controller('admin/partners/:partner/faults')
export class ClearFaultsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Every scheduled fault of the partner is dropped; operations already started keep their outcome.' })
  async clear(@Param('partner', PartnerCodePipe) partner: string): Promise<void> {
    await this.commands.execute(new ClearFaultsCommand(partner));
  }
}
