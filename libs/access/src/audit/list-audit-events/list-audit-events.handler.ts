import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '#libs/core/src/http/pagination.js';
import { AuditEventRow } from '../../persistence/access.entities.js';
import { type AuditEventResponse, toAuditEventResponse } from '../audit-event.response.js';
import { ListAuditEventsQuery } from './list-audit-events.query.js';

const DEFAULT_LIMIT = 20;
const isEventId = (key: string): boolean => /^\d{1,18}$/.test(key);
/** LIKE treats % and _ as wildcards and \ as escape; a target prefix means them literally. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first, so the shared keyset helper (ascending) does not fit: the same idea, reversed. */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery> {
  constructor(@InjectRepository(AuditEventRow) private readonly rows: Repository<AuditEventRow>) {}

  async execute({ filter }: ListAuditEventsQuery): Promise<Page<AuditEventResponse>> {
    const query = this.rows.createQueryBuilder('audit_event');
    if (filter.actor) query.andWhere('audit_event.key_id = :actor', { actor: filter.actor });
    if (filter.target?.endsWith('*')) {
      query.andWhere(`audit_event.target LIKE :prefix ESCAPE '\\'`, { prefix: `${escapeLike(filter.target.slice(0, -1))}%` });
    } else if (filter.target) {
      query.andWhere('audit_event.target = :target', { target: filter.target });
    }
    if (filter.outcome) query.andWhere('audit_event.outcome = :outcome', { outcome: filter.outcome });
    if (filter.cursor !== undefined) {
      query.andWhere('audit_event.id < :before', { before: decodeCursor(filter.cursor, isEventId) });
    }
    const limit = filter.limit ?? DEFAULT_LIMIT;
    const rows = await query.orderBy('audit_event.id', 'DESC').take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(items[items.length - 1].id) : null;
    return { items: items.map(toAuditEventResponse), nextCursor };
  }
}
