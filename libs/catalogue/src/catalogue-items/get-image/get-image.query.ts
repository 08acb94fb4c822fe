import { Query } from '@nestjs/cqrs';
import type { ImageResponse } from '../image.response.js';

export class GetImageQuery extends Query<ImageResponse> {
  constructor(readonly id: string) {
    super();
  }
}
