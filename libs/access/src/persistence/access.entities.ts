import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'api_keys' })
export class ApiKeyRow {
  @PrimaryColumn('text') id: string;
  @Column('text') name: string;
  @Column('text') role: string;
  @Column('text', { name: 'partner_code', nullable: true }) partnerCode: string | null;
  @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId: string | null;
  @Column('char', { name: 'secret_hash', length: 64 }) secretHash: string;
  @Column('text', { name: 'created_by', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}

@Entity({ name: 'audit_events' })
export class AuditEventRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  @Column('text', { name: 'key_id', nullable: true }) keyId: string | null;
  @Column('text', { nullable: true }) role: string | null;
  @Column('text', { nullable: true }) scope: string | null;
  @Column('text') action: string;
  @Column('text') method: string;
  @Column('text') target: string;
  @Column('integer') status: number;
  @Column('text') outcome: string;
  @Column('text', { nullable: true }) detail: string | null;
}

export const accessEntities = [ApiKeyRow, AuditEventRow];
