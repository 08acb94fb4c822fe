import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { COUNTRY_CODE_PATTERN } from '../../domain/vocabulary.js';
import { JurisdictionRow } from '../../persistence/catalogue.entities.js';
import { type JurisdictionResponse, toJurisdictionResponse } from '../jurisdiction.response.js';
import { ListJurisdictionsQuery } from './list-jurisdictions.query.js';

@QueryHandler(ListJurisdictionsQuery)
export class ListJurisdictionsHandler implements IQueryHandler<ListJurisdictionsQuery> {
  constructor(@InjectRepository(JurisdictionRow) private readonly rows: Repository<JurisdictionRow>) {}

  async execute({ filter }: ListJurisdictionsQuery): Promise<Page<JurisdictionResponse>> {
    const query = this.rows.createQueryBuilder('jurisdiction');
    if (filter.regionCode) query.andWhere('jurisdiction.regionCode = :regionCode', { regionCode: filter.regionCode });
    const page = await paginate(query, 'jurisdiction.country', (row) => row.country, filter, (key) =>
      COUNTRY_CODE_PATTERN.test(key),
    );
    return { ...page, items: page.items.map(toJurisdictionResponse) };
  }
}
