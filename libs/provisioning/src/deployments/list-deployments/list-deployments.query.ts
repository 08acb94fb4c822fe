import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { DeploymentResponse } from '../deployment.response.js';
import type { ListDeploymentsRequest } from './list-deployments.request.js';

export class ListDeploymentsQuery extends Query<Page<DeploymentResponse>> {
  constructor(
    readonly filter: ListDeploymentsRequest,
    /** Whose list: the handler shows only the deployments this caller may see. */
    readonly caller: Caller,
  ) {
    super();
  }
}
