import { randomUUID } from 'node:crypto';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, PLATFORM_ONLY } from '#libs/access/src/authorization/access.decorator.js';
import { GetImageQuery } from '../get-image/get-image.query.js';
import { ImageResponse } from '../image.response.js';
import { RegisterImageCommand } from './register-image.command.js';
import { RegisterImageRequest } from './register-image.request.js';

@ApiTags('catalogue')
@Controller('v1/catalogue/images')
export class RegisterImageHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Access({ roles: PLATFORM_ONLY })
  @ApiCreatedResponse({ type: ImageResponse })
  async register(@Body() body: RegisterImageRequest, @Res({ passthrough: true }) res: Response): Promise<ImageResponse> {
    const id = randomUUID();
    await this.commands.execute(
      new RegisterImageCommand({ id, name: body.name, osFamily: body.osFamily, vendor: body.vendor, version: body.version }),
    );
    res.location(`/v1/catalogue/images/${id}`);
    return this.queries.execute(new GetImageQuery(id));
  }
}
