import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { andWhere } from '#libs/catalogue/src/access/sql-condition.js';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { placedWorkScope } from '../../access/provisioning-scope.js';
import { ProvisioningRequestRow } from '../../persistence/provisioning.entities.js';
import { type ProgressResponse, type ProvisioningRequestSummaryResponse, toSummary } from '../provisioning-request.response.js';
import { isUuid } from '../request-id.js';
import { ListProvisioningRequestsQuery } from './list-provisioning-requests.query.js';

/** Oldest first: request ids are time-ordered, so the id is both the order and the cursor. */
@QueryHandler(ListProvisioningRequestsQuery)
export class ListProvisioningRequestsHandler implements IQueryHandler<ListProvisioningRequestsQuery> {
  constructor(@InjectRepository(ProvisioningRequestRow) private readonly rows: Repository<ProvisioningRequestRow>) {}

  async execute({ filter, caller }: ListProvisioningRequestsQuery): Promise<Page<ProvisioningRequestSummaryResponse>> {
    // The caller's scope first: filters and the cursor only ever narrow what it may see.
    const query = andWhere(this.rows.createQueryBuilder('r'), placedWorkScope(caller, 'r'));
    if (filter.tenant) query.andWhere('r.tenant_id = :tenant', { tenant: filter.tenant.toLowerCase() });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.dataCentre) query.andWhere('r.data_centre_code = :dataCentre', { dataCentre: filter.dataCentre });
    if (filter.service) query.andWhere('r.service = :service', { service: filter.service });
    const page = await paginate(query, 'r.id', (row) => row.id, filter, isUuid);
    const progress = await this.progressOf(page.items.map((row) => row.id));
    return { ...page, items: page.items.map((row) => toSummary(row, progress.get(row.id) ?? { done: 0, total: 0 })) };
  }

  /** Steps done and total for each request of the page, in one query. */
  private async progressOf(ids: string[]): Promise<Map<string, ProgressResponse>> {
    if (ids.length === 0) return new Map();
    const rows: { request_id: string; done: number; total: number }[] = await this.rows.query(
      `SELECT request_id, count(*) FILTER (WHERE status IN ('succeeded', 'skipped'))::int AS done, count(*)::int AS total
         FROM provisioning_steps WHERE request_id = ANY($1::uuid[]) GROUP BY request_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.request_id, { done: row.done, total: row.total }]));
  }
}
