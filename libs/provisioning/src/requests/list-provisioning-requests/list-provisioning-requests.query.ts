import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { ProvisioningRequestSummaryResponse } from '../provisioning-request.response.js';
import type { ListProvisioningRequestsRequest } from './list-provisioning-requests.request.js';

export class ListProvisioningRequestsQuery extends Query<Page<ProvisioningRequestSummaryResponse>> {
  constructor(
    readonly filter: ListProvisioningRequestsRequest,
    /** Whose list: the handler shows only the requests this caller may see. */
    readonly caller: Caller,
  ) {
    super();
  }
}
