import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type ApiKey, ApiKeyRepository, type StoredApiKey } from '../domain/api-key.js';
import { type Role, scopeId, scopeOfRole } from '../domain/caller.js';
import { ApiKeyRow } from './access.entities.js';

export const apiKeyMapper = {
  toDomain: (row: ApiKeyRow): ApiKey => ({
    id: row.id,
    name: row.name,
    role: row.role as Role,
    scope: scopeOfRole(row.role as Role, row.partnerCode ?? row.tenantId),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  }),
};

@Injectable()
export class TypeOrmApiKeyRepository extends ApiKeyRepository {
  constructor(@InjectRepository(ApiKeyRow) private readonly rows: Repository<ApiKeyRow>) {
    super();
  }

  async find(id: string): Promise<StoredApiKey | null> {
    const row = await this.rows.findOneBy({ id });
    return row && { key: apiKeyMapper.toDomain(row), secretHash: row.secretHash };
  }

  async insert(key: Omit<ApiKey, 'createdAt' | 'lastUsedAt' | 'revokedAt'>, secretHash: string): Promise<void> {
    await this.rows.insert({
      id: key.id,
      name: key.name,
      role: key.role,
      partnerCode: key.scope.kind === 'partner' ? scopeId(key.scope) : null,
      tenantId: key.scope.kind === 'tenant' ? scopeId(key.scope) : null,
      secretHash,
      createdBy: key.createdBy,
    });
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  async touch(id: string): Promise<void> {
    await this.rows
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where(`id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, { id })
      .execute();
  }
}
