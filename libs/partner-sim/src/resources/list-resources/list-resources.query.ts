import { Query } from '@nestjs/cqrs';
import type { SimResource } from '../../domain/resource.js';
import type { ListResourcesRequest } from './list-resources.request.js';

export class ListResourcesQuery extends Query<SimResource[]> {
  constructor(
    readonly partner: string,
    readonly filter: ListResourcesRequest,
    /** The partner's API is flaky like the partner; the admin view of the same list never is. */
    readonly through: 'partner-api' | 'admin',
  ) {
    super();
  }
}
