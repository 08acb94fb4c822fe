import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { GetPartnerQuery } from '../get-partner/get-partner.query.js';
import { PartnerResponse } from '../partner.response.js';
import { RegisterPartnerCommand } from './register-partner.command.js';
import { RegisterPartnerRequest } from './register-partner.request.js';

@ApiTags('partners')
@Controller('v1/partners')
export class RegisterPartnerHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: PartnerResponse })
  async register(@Body() body: RegisterPartnerRequest, @Res({ passthrough: true }) res: Response): Promise<PartnerResponse> {
    await this.commands.execute(
      new RegisterPartnerCommand({ code: body.code, name: body.name, kind: body.kind, country: body.country ?? null }),
    );
    res.location(`/v1/partners/${body.code}`);
    return this.queries.execute(new GetPartnerQuery(body.code));
  }
}
