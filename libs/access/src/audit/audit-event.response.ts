import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../domain/caller.js';
import type { AuditEventRow } from '../persistence/access.entities.js';
import { AUDIT_OUTCOMES, type AuditOutcome } from './audit-event.js';

export class AuditActorResponse {
  @ApiProperty({ example: 'Jd3kP0aZ1qXw', description: 'The key id; `bootstrap` for the bootstrap key.' }) keyId: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ example: 'partner:china-telecom', description: '`platform`, `partner:<code>` or `tenant:<id>`.' }) scope: string;
}

export class AuditEventResponse {
  @ApiProperty({ example: '1042' }) id: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: AuditActorResponse, nullable: true, description: 'Null when the call was not authenticated.' })
  actor: AuditActorResponse | null;
  @ApiProperty({ example: 'create-api-key', description: 'The use case; `unknown-route` or `unrouted` when no route took the call.' })
  action: string;
  @ApiProperty({ example: 'POST' }) method: string;
  @ApiProperty({ example: '/v1/api-keys/Jd3kP0aZ1qXw', description: 'The path called, or what a 201 created.' }) target: string;
  @ApiProperty({ example: 201 }) status: number;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome: AuditOutcome;
  @ApiProperty({ type: String, nullable: true, description: 'The problem detail of a refused or failed call.' })
  detail: string | null;
}

export const toAuditEventResponse = (row: AuditEventRow): AuditEventResponse => ({
  id: row.id,
  at: row.at.toISOString(),
  actor: row.keyId === null ? null : { keyId: row.keyId, role: row.role as Role, scope: row.scope ?? '' },
  action: row.action,
  method: row.method,
  target: row.target,
  status: row.status,
  outcome: row.outcome as AuditOutcome,
  detail: row.detail,
});
