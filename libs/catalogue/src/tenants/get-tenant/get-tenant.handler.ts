import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import { TenantRow } from '../../persistence/catalogue.entities.js';
import { isTenantId } from '../tenant-id.js';
import { type TenantResponse, toTenantResponse } from '../tenant.response.js';
import { GetTenantQuery } from './get-tenant.query.js';

@QueryHandler(GetTenantQuery)
export class GetTenantHandler implements IQueryHandler<GetTenantQuery> {
  constructor(@InjectRepository(TenantRow) private readonly rows: Repository<TenantRow>) {}

  async execute({ id }: GetTenantQuery): Promise<TenantResponse> {
    const row = isTenantId(id) ? await this.rows.findOneBy({ id }) : null;
    if (!row) throw new NotFoundError('tenant', id);
    return toTenantResponse(row);
  }
}
