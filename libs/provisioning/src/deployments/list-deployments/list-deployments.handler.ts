import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { andWhere } from '#libs/catalogue/src/access/sql-condition.js';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { placedWorkScope } from '../../access/provisioning-scope.js';
import { DeploymentRow } from '../../persistence/provisioning.entities.js';
import { isUuid } from '../../requests/request-id.js';
import { type DeploymentResponse, toDeploymentResponse } from '../deployment.response.js';
import { ListDeploymentsQuery } from './list-deployments.query.js';

@QueryHandler(ListDeploymentsQuery)
export class ListDeploymentsHandler implements IQueryHandler<ListDeploymentsQuery> {
  constructor(@InjectRepository(DeploymentRow) private readonly rows: Repository<DeploymentRow>) {}

  async execute({ filter, caller }: ListDeploymentsQuery): Promise<Page<DeploymentResponse>> {
    // The caller's scope first: filters and the cursor only ever narrow what it may see.
    const query = andWhere(this.rows.createQueryBuilder('d'), placedWorkScope(caller, 'd'));
    if (filter.tenant) query.andWhere('d.tenant_id = :tenant', { tenant: filter.tenant.toLowerCase() });
    if (filter.dataCentre) query.andWhere('d.data_centre_code = :dataCentre', { dataCentre: filter.dataCentre });
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    const page = await paginate(query, 'd.id', (row) => row.id, filter, isUuid);
    return { ...page, items: page.items.map(toDeploymentResponse) };
  }
}
