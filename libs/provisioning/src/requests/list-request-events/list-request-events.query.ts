import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { ListRequestEventsRequest } from './list-request-events.request.js';
import type { RequestEventResponse } from './request-event.response.js';

export class ListRequestEventsQuery extends Query<Page<RequestEventResponse>> {
  constructor(
    readonly requestId: string,
    readonly page: ListRequestEventsRequest,
  ) {
    super();
  }
}
