import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { CatalogueScope } from '../../access/catalogue-scope.js';
import { andWhere } from '../../access/sql-condition.js';
import { CODE_PATTERN } from '../../domain/vocabulary.js';
import { DataCentreRow } from '../../persistence/catalogue.entities.js';
import { type DataCentreResponse, toDataCentreResponse } from '../data-centre.response.js';
import { ListDataCentresQuery } from './list-data-centres.query.js';

@QueryHandler(ListDataCentresQuery)
export class ListDataCentresHandler implements IQueryHandler<ListDataCentresQuery> {
  constructor(
    @InjectRepository(DataCentreRow) private readonly rows: Repository<DataCentreRow>,
    private readonly scope: CatalogueScope,
  ) {}

  async execute({ filter, caller }: ListDataCentresQuery): Promise<Page<DataCentreResponse>> {
    // The caller's scope first: filters and the cursor only ever narrow what it may see.
    const query = andWhere(this.rows.createQueryBuilder('dc'), await this.scope.dataCentres(caller, 'dc'));
    if (filter.country) query.andWhere('dc.country = :country', { country: filter.country });
    if (filter.operator) query.andWhere('dc.operatorCode = :operator', { operator: filter.operator });
    if (filter.status) query.andWhere('dc.status = :status', { status: filter.status });
    if (filter.service) query.andWhere(':service = ANY(dc.services)', { service: filter.service });
    if (filter.ownership) query.andWhere('dc.ownership = :ownership', { ownership: filter.ownership });
    const page = await paginate(query, 'dc.code', (row) => row.code, filter, (key) => CODE_PATTERN.test(key));
    return { ...page, items: page.items.map(toDataCentreResponse) };
  }
}
