import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { CODE_PATTERN } from '../../domain/vocabulary.js';
import { RegionRow } from '../../persistence/catalogue.entities.js';
import { type RegionResponse, toRegionResponse } from '../region.response.js';
import { ListRegionsQuery } from './list-regions.query.js';

@QueryHandler(ListRegionsQuery)
export class ListRegionsHandler implements IQueryHandler<ListRegionsQuery> {
  constructor(@InjectRepository(RegionRow) private readonly rows: Repository<RegionRow>) {}

  async execute({ filter }: ListRegionsQuery): Promise<Page<RegionResponse>> {
    const query = this.rows.createQueryBuilder('region');
    const page = await paginate(query, 'region.code', (row) => row.code, filter, (key) => CODE_PATTERN.test(key));
    return { ...page, items: page.items.map(toRegionResponse) };
  }
}
