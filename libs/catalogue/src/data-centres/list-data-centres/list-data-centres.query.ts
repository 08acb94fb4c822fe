import { Query } from '@nestjs/cqrs';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { DataCentreResponse } from '../data-centre.response.js';
import type { ListDataCentresRequest } from './list-data-centres.request.js';

export class ListDataCentresQuery extends Query<Page<DataCentreResponse>> {
  constructor(
    readonly filter: ListDataCentresRequest,
    /** Whose list: the handler shows only the rows this caller may see. */
    readonly caller: Caller,
  ) {
    super();
  }
}
