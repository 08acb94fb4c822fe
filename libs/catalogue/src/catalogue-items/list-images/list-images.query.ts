import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { ImageResponse } from '../image.response.js';
import type { ListImagesRequest } from './list-images.request.js';

export class ListImagesQuery extends Query<Page<ImageResponse>> {
  constructor(readonly filter: ListImagesRequest) {
    super();
  }
}
