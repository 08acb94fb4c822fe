import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { GetSizeQuery } from '../get-size/get-size.query.js';
import { SizeResponse } from '../size.response.js';
import { RegisterSizeCommand } from './register-size.command.js';
import { RegisterSizeRequest } from './register-size.request.js';

@ApiTags('catalogue')
@Controller('v1/catalogue/sizes')
export class RegisterSizeHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: SizeResponse })
  async register(@Body() body: RegisterSizeRequest, @Res({ passthrough: true }) res: Response): Promise<SizeResponse> {
    await this.commands.execute(
      new RegisterSizeCommand({ code: body.code, name: body.name, vcpu: body.vcpu, memoryGib: body.memoryGib }),
    );
    res.location(`/v1/catalogue/sizes/${body.code}`);
    return this.queries.execute(new GetSizeQuery(body.code));
  }
}
