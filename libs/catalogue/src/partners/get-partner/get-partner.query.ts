import { Query } from '@nestjs/cqrs';
import type { PartnerResponse } from '../partner.response.js';

export class GetPartnerQuery extends Query<PartnerResponse> {
  constructor(readonly code: string) {
    super();
  }
}
