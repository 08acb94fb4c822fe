import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Page } from '#libs/core/src/http/pagination.js';
import { Access, PLATFORM_ONLY } from '../../authorization/access.decorator.js';
import type { AuditEventResponse } from '../audit-event.response.js';
import { ListAuditEventsQuery } from './list-audit-events.query.js';
import { ListAuditEventsRequest } from './list-audit-events.request.js';

@ApiTags('audit')
@Controller('v1/audit-events')
export class ListAuditEventsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access({ roles: PLATFORM_ONLY })
  list(@Query() filter: ListAuditEventsRequest): Promise<Page<AuditEventResponse>> {
    return this.queries.execute(new ListAuditEventsQuery(filter));
  }
}
