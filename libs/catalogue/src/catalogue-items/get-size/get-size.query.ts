import { Query } from '@nestjs/cqrs';
import type { SizeResponse } from '../size.response.js';

export class GetSizeQuery extends Query<SizeResponse> {
  constructor(readonly code: string) {
    super();
  }
}
