import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import type { ImageResponse } from '../image.response.js';
import { ListImagesQuery } from './list-images.query.js';
import { ListImagesRequest } from './list-images.request.js';

@ApiTags('catalogue')
@Controller('v1/catalogue/images')
export class ListImagesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: EVERY_ROLE })
  list(@Query() filter: ListImagesRequest): Promise<Page<ImageResponse>> {
    return this.queries.execute(new ListImagesQuery(filter));
  }
}
