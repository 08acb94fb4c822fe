import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, EVERY_ROLE } from '#libs/access/src/authorization/access.decorator.js';
import { RequestValidationException } from '#libs/core/src/http/validation.js';
import { ProvisioningRequestVisibility } from '../../access/placed-work.visibility.js';
import { ListRequestEventsQuery } from './list-request-events.query.js';
import { ListRequestEventsRequest } from './list-request-events.request.js';
import { RequestEventStream, streamEndStatuses } from './request-event-stream.js';
import { isEventId, RequestEventResponse } from './request-event.response.js';

const EVENT_STREAM = 'text/event-stream';

@ApiTags('provisioning-requests')
@Controller('v1/provisioning-requests')
export class ListRequestEventsHttpController {
  constructor(
    private readonly queries: QueryBus,
    private readonly stream: RequestEventStream,
  ) {}

  /** One route, two representations: the log as JSON pages, or followed live as server-sent events. */
  @Get(':id/events')
  @Access({ roles: EVERY_ROLE, object: ProvisioningRequestVisibility })
  @ApiProduces('application/json', EVENT_STREAM)
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'With `Accept: text/event-stream`: resume after this event id.',
    schema: { type: 'string', maxLength: 18, pattern: '^[0-9]+$' },
  })
  @ApiOkResponse({
    type: RequestEventResponse,
    isArray: true,
    description: 'JSON: `{ items, nextCursor }`, oldest first. Event stream: the log, then what is appended, then an `end` event once the request reaches a status of `until` or a final one.',
  })
  async events(
    @Param('id') id: string,
    @Query() page: ListRequestEventsRequest,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (req.accepts(['application/json', EVENT_STREAM]) === EVENT_STREAM) {
      await this.stream.follow(id, afterEventId(lastEventId), res, streamEndStatuses(page.until));
      return;
    }
    if (page.until !== undefined) {
      throw new RequestValidationException([{ field: 'until', message: 'until applies to the event stream only: ask with Accept: text/event-stream' }]);
    }
    res.json(await this.queries.execute(new ListRequestEventsQuery(id, page)));
  }
}

function afterEventId(lastEventId: string | undefined): string {
  if (lastEventId === undefined || lastEventId === '') return '0';
  if (!isEventId(lastEventId)) {
    throw new RequestValidationException([{ field: 'Last-Event-ID', message: 'Last-Event-ID must be the id of an event this stream sent' }]);
  }
  return lastEventId;
}
