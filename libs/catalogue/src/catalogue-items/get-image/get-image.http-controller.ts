import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { ImageVisibility } from '../../access/reference-data.visibility.js';
import { ImageResponse } from '../image.response.js';
import { GetImageQuery } from './get-image.query.js';

@ApiTags('catalogue')
@Controller('v1/catalogue/images')
export class GetImageHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Access({ roles: EVERY_ROLE, object: ImageVisibility })
  @ApiOkResponse({ type: ImageResponse })
  get(@Param('id') id: string): Promise<ImageResponse> {
    return this.queries.execute(new GetImageQuery(id));
  }
}
