import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The simulator's own schema: the control plane's migrations never touch it. */
export const PARTNER_SIM_SCHEMA = 'partner_sim';

// Table rows only: the domain types in ../domain never see these classes (mappers convert).

@Entity({ schema: PARTNER_SIM_SCHEMA, name: 'resources' })
export class ResourceRow {
  @PrimaryColumn('text') id: string;
  @Column('text') partner: string;
  @Column('text') type: string;
  @Column('jsonb') labels: Record<string, string>;
  @Column('jsonb') spec: Record<string, unknown>;
  @Column('text') state: string;
  @Column('text', { nullable: true }) power: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt: Date | null;
}

@Entity({ schema: PARTNER_SIM_SCHEMA, name: 'operations' })
export class OperationRow {
  @PrimaryColumn('text') id: string;
  @Column('text') partner: string;
  @Column('text') action: string;
  @Column('text', { name: 'resource_id' }) resourceId: string;
  @Column('text', { name: 'resource_type' }) resourceType: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey: string;
  @Column('text') fingerprint: string;
  @Column('text') status: string;
  @Column('text', { name: 'error_code', nullable: true }) errorCode: string | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage: string | null;
  @Column('boolean', { name: 'error_permanent', nullable: true }) errorPermanent: boolean | null;
  @Column('timestamptz', { name: 'completes_at' }) completesAt: Date;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ schema: PARTNER_SIM_SCHEMA, name: 'profiles' })
export class ProfileRow {
  @PrimaryColumn('text') partner: string;
  @Column('integer', { name: 'latency_ms' }) latencyMs: number;
  @Column('integer', { name: 'jitter_ms' }) jitterMs: number;
  @Column('double precision', { name: 'transient_failure_rate' }) transientFailureRate: number;
  @Column('double precision', { name: 'permanent_failure_rate' }) permanentFailureRate: number;
  // bigint: the driver hands it over as a string.
  @Column('bigint', { nullable: true }) seed: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ schema: PARTNER_SIM_SCHEMA, name: 'faults' })
export class FaultRow {
  // bigint: the driver hands it over as a string.
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('text') partner: string;
  @Column('text') action: string;
  @Column('text', { name: 'resource_type', nullable: true }) resourceType: string | null;
  @Column('text') kind: string;
  @Column('integer') count: number;
  @Column('integer') remaining: number;
  @Column('integer', { name: 'http_status', nullable: true }) httpStatus: number | null;
  @Column('integer', { name: 'retry_after_seconds', nullable: true }) retryAfterSeconds: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const partnerSimEntities = [ResourceRow, OperationRow, ProfileRow, FaultRow];
