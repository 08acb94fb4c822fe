import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { PartnerResponse } from '../partner.response.js';
import type { ListPartnersRequest } from './list-partners.request.js';

export class ListPartnersQuery extends Query<Page<PartnerResponse>> {
  constructor(
    readonly filter: ListPartnersRequest,
    /** Whose list: the handler shows only the rows this caller may see. */
    readonly caller: Caller,
  ) {
    super();
  }
}
