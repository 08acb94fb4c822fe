import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { SizeRow } from '../../persistence/catalogue.entities.js';
import { type SizeResponse, toSizeResponse } from '../size.response.js';
import { ListSizesQuery } from './list-sizes.query.js';

@QueryHandler(ListSizesQuery)
export class ListSizesHandler implements IQueryHandler<ListSizesQuery> {
  constructor(@InjectRepository(SizeRow) private readonly rows: Repository<SizeRow>) {}

  async execute({ filter }: ListSizesQuery): Promise<Page<SizeResponse>> {
    // Codes are text, so any decoded cursor is a safe comparison value.
    const page = await paginate(this.rows.createQueryBuilder('size'), 'size.code', (row) => row.code, filter);
    return { ...page, items: page.items.map(toSizeResponse) };
  }
}
