import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { CatalogueScope } from '../../access/catalogue-scope.js';
import { andWhere } from '../../access/sql-condition.js';
import { TenantRow } from '../../persistence/catalogue.entities.js';
import { isTenantId } from '../tenant-id.js';
import { type TenantResponse, toTenantResponse } from '../tenant.response.js';
import { ListTenantsQuery } from './list-tenants.query.js';

@QueryHandler(ListTenantsQuery)
export class ListTenantsHandler implements IQueryHandler<ListTenantsQuery> {
  constructor(
    @InjectRepository(TenantRow) private readonly rows: Repository<TenantRow>,
    private readonly scope: CatalogueScope,
  ) {}

  async execute({ filter, caller }: ListTenantsQuery): Promise<Page<TenantResponse>> {
    // The caller's scope first: filters and the cursor only ever narrow what it may see.
    const query = andWhere(this.rows.createQueryBuilder('tenant'), await this.scope.tenants(caller, 'tenant'));
    if (filter.homeCountry) query.andWhere('tenant.home_country = :homeCountry', { homeCountry: filter.homeCountry });
    if (filter.segment) query.andWhere('tenant.segment = :segment', { segment: filter.segment });
    if (filter.sector) query.andWhere('tenant.sector = :sector', { sector: filter.sector });
    if (filter.status) query.andWhere('tenant.status = :status', { status: filter.status });
    if (filter.residency) query.andWhere('tenant.residency = :residency', { residency: filter.residency });
    const page = await paginate(query, 'tenant.id', (row) => row.id, filter, isTenantId);
    return { ...page, items: page.items.map(toTenantResponse) };
  }
}
