import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Demand, IaasSpec } from '../domain/iaas-spec.js';
import type { StepItem } from '../domain/iaas-steps.js';

@Entity({ name: 'provisioning_requests' })
export class ProvisioningRequestRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text') service: string;
  @Column('jsonb') spec: IaasSpec;
  @Column('text') status: string;
  @Column('integer') version: number;
  @Column('text', { name: 'data_centre_code', nullable: true }) dataCentreCode: string | null;
  @Column('jsonb', { nullable: true }) placement: Record<string, unknown> | null;
  @Column('jsonb') demand: Demand;
  @Column('boolean', { name: 'cancel_requested' }) cancelRequested: boolean;
  @Column('jsonb', { nullable: true }) failure: Record<string, unknown> | null;
  @Column('text', { name: 'submitted_by' }) submittedBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('jsonb', { nullable: true }) decision: Record<string, unknown> | null;
  @Column('jsonb', { nullable: true }) approval: Record<string, unknown> | null;
  @Column('timestamptz', { name: 'approval_deadline', nullable: true }) approvalDeadline: Date | null;
}

@Entity({ name: 'provisioning_steps' })
export class ProvisioningStepRow {
  @PrimaryColumn('uuid', { name: 'request_id' }) requestId: string;
  @PrimaryColumn('integer') position: number;
  @Column('text') name: string;
  @Column('text') status: string;
  @Column('integer') attempts: number;
  @Column('integer', { name: 'compensation_attempts' }) compensationAttempts: number;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  @Column('jsonb') items: StepItem[];
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
}

@Entity({ name: 'request_events' })
export class RequestEventRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  @Column('text') type: string;
  @Column('jsonb') data: Record<string, unknown>;
}

@Entity({ name: 'outbox' })
export class OutboxRow {
  @PrimaryColumn('text') id: string;
  @Column('text') queue: string;
  @Column('text', { name: 'job_name' }) jobName: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('timestamptz', { name: 'available_at' }) availableAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'dispatched_at', nullable: true }) dispatchedAt: Date | null;
}

@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyRow {
  @PrimaryColumn('text') scope: string;
  @PrimaryColumn('text') key: string;
  @Column('text') fingerprint: string;
  @Column('integer', { name: 'response_status' }) responseStatus: number;
  @Column('jsonb', { name: 'response_body' }) responseBody: Record<string, unknown>;
  @Column('text', { nullable: true }) location: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
}

@Entity({ name: 'capacity_reservations' })
export class CapacityReservationRow {
  @PrimaryColumn('uuid', { name: 'request_id' }) requestId: string;
  @Column('text', { name: 'data_centre_code' }) dataCentreCode: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('integer') vcpu: number;
  @Column('integer', { name: 'memory_gib' }) memoryGib: number;
  @Column('integer', { name: 'storage_gib' }) storageGib: number;
  @Column('integer', { name: 'public_ips' }) publicIps: number;
  @Column('integer') vms: number;
  @Column('text') status: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'deployments' })
export class DeploymentRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('text', { name: 'data_centre_code' }) dataCentreCode: string;
  @Column('text') status: string;
  @Column('jsonb') resources: Record<string, unknown>[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'policy_rules' })
export class PolicyRuleRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: string;
  @Column('text') name: string;
  @Column('text') description: string;
  @Column('boolean') enabled: boolean;
  @Column('jsonb') params: Record<string, unknown>;
  @Column('integer') version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'policy_rule_versions' })
export class PolicyRuleVersionRow {
  @PrimaryColumn('uuid', { name: 'rule_id' }) ruleId: string;
  @PrimaryColumn('integer') version: number;
  @Column('text') kind: string;
  @Column('text') name: string;
  @Column('text') description: string;
  @Column('boolean') enabled: boolean;
  @Column('jsonb') params: Record<string, unknown>;
  @Column('text', { name: 'changed_by' }) changedBy: string;
  @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
}

export const provisioningEntities = [
  ProvisioningRequestRow,
  ProvisioningStepRow,
  RequestEventRow,
  OutboxRow,
  IdempotencyKeyRow,
  CapacityReservationRow,
  DeploymentRow,
  PolicyRuleRow,
  PolicyRuleVersionRow,
];
