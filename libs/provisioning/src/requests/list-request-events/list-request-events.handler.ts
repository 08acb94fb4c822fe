import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { ProvisioningRequestRow, RequestEventRow } from '../../persistence/provisioning.entities.js';
import { isUuid } from '../request-id.js';
import { ListRequestEventsQuery } from './list-request-events.query.js';
import { isEventId, type RequestEventResponse, toRequestEventResponse } from './request-event.response.js';

@QueryHandler(ListRequestEventsQuery)
export class ListRequestEventsHandler implements IQueryHandler<ListRequestEventsQuery> {
  constructor(
    @InjectRepository(RequestEventRow) private readonly events: Repository<RequestEventRow>,
    @InjectRepository(ProvisioningRequestRow) private readonly requests: Repository<ProvisioningRequestRow>,
  ) {}

  async execute({ requestId, page }: ListRequestEventsQuery): Promise<Page<RequestEventResponse>> {
    if (!isUuid(requestId) || !(await this.requests.existsBy({ id: requestId }))) throw new NotFoundError('provisioning request', requestId);
    const query = this.events.createQueryBuilder('e').where('e.request_id = :requestId', { requestId });
    const result = await paginate(query, 'e.id', (row) => String(row.id), page, isEventId);
    return { ...result, items: result.items.map(toRequestEventResponse) };
  }
}
