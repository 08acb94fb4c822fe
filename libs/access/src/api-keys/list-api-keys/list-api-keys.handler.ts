import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Page, paginate } from '#libs/core/src/http/pagination.js';
import { ApiKeyRow } from '../../persistence/access.entities.js';
import { apiKeyMapper } from '../../persistence/typeorm-api-key.repository.js';
import { type ApiKeyResponse, toApiKeyResponse } from '../api-key.response.js';
import { ListApiKeysQuery } from './list-api-keys.query.js';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(@InjectRepository(ApiKeyRow) private readonly rows: Repository<ApiKeyRow>) {}

  async execute({ filter }: ListApiKeysQuery): Promise<Page<ApiKeyResponse>> {
    const query = this.rows.createQueryBuilder('api_key');
    if (filter.role) query.andWhere('api_key.role = :role', { role: filter.role });
    if (filter.revoked === 'true') query.andWhere('api_key.revoked_at IS NOT NULL');
    if (filter.revoked === 'false') query.andWhere('api_key.revoked_at IS NULL');
    const page = await paginate(query, 'api_key.id', (row) => row.id, filter);
    return { ...page, items: page.items.map((row) => toApiKeyResponse(apiKeyMapper.toDomain(row))) };
  }
}
