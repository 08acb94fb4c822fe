import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { PartnerResponse } from '../partner.response.js';
import type { ListPartnersRequest } from './list-partners.request.js';

export class ListPartnersQuery extends Query<Page<PartnerResponse>> {
  constructor(readonly filter: ListPartnersRequest) {
    super();
  }
}
