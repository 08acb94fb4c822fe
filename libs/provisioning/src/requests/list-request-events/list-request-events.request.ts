import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { REQUEST_STATUSES, type RequestStatus } from '../../domain/request-status.js';

/** A page of a request's event log, oldest first; `cursor` is the previous page's `nextCursor`. */
export class ListRequestEventsRequest extends PageQueryDto {
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', enum: [...REQUEST_STATUSES] },
    maxItems: REQUEST_STATUSES.length,
    example: ['DECOMMISSIONED'],
    description:
      'With `Accept: text/event-stream`: end the stream once the request is in one of these statuses (comma-separated), ' +
      'or in a final one. Unset: `ACTIVE`, so a stream that watches a provisioning ends when it succeeds.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((status) => status.trim()) : value))
  @IsArray()
  @ArrayMaxSize(REQUEST_STATUSES.length)
  @IsIn(REQUEST_STATUSES, { each: true, message: `until must list statuses among: ${REQUEST_STATUSES.join(', ')}` })
  until?: RequestStatus[];
}
