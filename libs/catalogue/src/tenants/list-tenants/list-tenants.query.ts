import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { TenantResponse } from '../tenant.response.js';
import type { ListTenantsRequest } from './list-tenants.request.js';

export class ListTenantsQuery extends Query<Page<TenantResponse>> {
  constructor(
    readonly filter: ListTenantsRequest,
    /** Whose list: the handler shows only the rows this caller may see. */
    readonly caller: Caller,
  ) {
    super();
  }
}
