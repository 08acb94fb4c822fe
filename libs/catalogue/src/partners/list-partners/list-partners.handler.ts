import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { CatalogueScope } from '../../access/catalogue-scope.js';
import { andWhere } from '../../access/sql-condition.js';
import { PartnerRow } from '../../persistence/catalogue.entities.js';
import { type PartnerResponse, toPartnerResponse } from '../partner.response.js';
import { ListPartnersQuery } from './list-partners.query.js';

@QueryHandler(ListPartnersQuery)
export class ListPartnersHandler implements IQueryHandler<ListPartnersQuery> {
  constructor(
    @InjectRepository(PartnerRow) private readonly rows: Repository<PartnerRow>,
    private readonly scope: CatalogueScope,
  ) {}

  async execute({ filter, caller }: ListPartnersQuery): Promise<Page<PartnerResponse>> {
    // The caller's scope first: filters and the cursor only ever narrow what it may see.
    const query = andWhere(this.rows.createQueryBuilder('partner'), await this.scope.partners(caller, 'partner'));
    if (filter.kind) query.andWhere('partner.kind = :kind', { kind: filter.kind });
    if (filter.country) query.andWhere('partner.country = :country', { country: filter.country });
    const page = await paginate(query, 'partner.code', (row) => row.code, filter);
    return { ...page, items: page.items.map(toPartnerResponse) };
  }
}
