import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiKey } from '../domain/api-key.js';
import { ROLES, type Role, type Scope } from '../domain/caller.js';

const SCOPE_KINDS = ['platform', 'partner', 'tenant'] as const;

export class ScopeResponse {
  @ApiProperty({ enum: SCOPE_KINDS }) kind: Scope['kind'];
  @ApiPropertyOptional({ example: 'china-telecom', description: 'For kind partner.' }) partnerCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For kind tenant.' }) tenantId?: string;
}

/** A key as the API shows it: never the secret, nor its hash. */
export class ApiKeyResponse {
  @ApiProperty({ example: 'Jd3kP0aZ1qXw', description: 'Public part of the key: `hcp_<id>_<secret>`.' }) id: string;
  @ApiProperty({ example: 'ci-pipeline' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: ScopeResponse }) scope: ScopeResponse;
  @ApiProperty({ type: String, nullable: true, description: 'Id of the key that created it; `cli` or `seed` outside the API.' })
  createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Updated at most about once a minute.' }) lastUsedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
}

export const toScopeResponse = (scope: Scope): ScopeResponse => ({ ...scope });

export const toApiKeyResponse = (key: ApiKey): ApiKeyResponse => ({
  id: key.id,
  name: key.name,
  role: key.role,
  scope: toScopeResponse(key.scope),
  createdBy: key.createdBy,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});
