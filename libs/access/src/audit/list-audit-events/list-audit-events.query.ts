import { Query } from '@nestjs/cqrs';
import type { Page } from '#libs/core/src/http/pagination.js';
import type { AuditEventResponse } from '../audit-event.response.js';
import type { ListAuditEventsRequest } from './list-audit-events.request.js';

export class ListAuditEventsQuery extends Query<Page<AuditEventResponse>> {
  constructor(readonly filter: ListAuditEventsRequest) {
    super();
  }
}
