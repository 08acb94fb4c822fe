import { ApiProperty } from '@nestjs/swagger';
import { IAAS_STEPS, STEP_STATUSES, type StepItem } from '../domain/iaas-steps.js';
import { REQUEST_STATUSES, type RequestStatus } from '../domain/request-status.js';
import type {
  CapacityReservationRow,
  DeploymentRow,
  ProvisioningRequestRow,
  ProvisioningStepRow,
} from '../persistence/provisioning.entities.js';

const FREE_FORM = { type: 'object', additionalProperties: true } as const;
const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export class ProgressResponse {
  @ApiProperty({ type: 'integer', description: 'Steps succeeded or skipped.' }) done: number;
  @ApiProperty({ type: 'integer' }) total: number;
}

export class DemandResponse {
  @ApiProperty({ type: 'integer' }) vcpu: number;
  @ApiProperty({ type: 'integer' }) memoryGib: number;
  @ApiProperty({ type: 'integer', description: 'Extra storage plus a boot disk per VM.' }) storageGib: number;
  @ApiProperty({ type: 'integer' }) publicIps: number;
  @ApiProperty({ type: 'integer' }) vms: number;
}

export class StepItemResponse {
  @ApiProperty({ example: 'vm-0' }) key: string;
  @ApiProperty({ example: 'succeeded' }) status: string;
  @ApiProperty({ type: String, nullable: true, description: "The partner's operation." }) operationId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The partner's resource." }) resourceId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The last error the partner gave for it.' }) error: string | null;
  @ApiProperty({ description: 'Its undo gave up: the resource is still at the partner.' }) leftover: boolean;
}

export class StepResponse {
  @ApiProperty({ type: 'integer' }) position: number;
  @ApiProperty({ enum: IAAS_STEPS }) name: string;
  @ApiProperty({ enum: STEP_STATUSES }) status: string;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: 'integer' }) compensationAttempts: number;
  @ApiProperty({ type: String, nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: StepItemResponse, isArray: true }) items: StepItemResponse[];
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
}

export class ReservationResponse {
  @ApiProperty({ example: 'cn-beijing-1' }) dataCentre: string;
  @ApiProperty({ enum: ['held', 'committed', 'released'] }) status: string;
  @ApiProperty({ type: 'integer' }) vcpu: number;
  @ApiProperty({ type: 'integer' }) memoryGib: number;
  @ApiProperty({ type: 'integer' }) storageGib: number;
  @ApiProperty({ type: 'integer' }) publicIps: number;
  @ApiProperty({ type: 'integer' }) vms: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class DeploymentLinkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['active', 'decommissioning', 'decommissioned'] }) status: string;
}

/** What a list shows of each request. */
export class ProvisioningRequestSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) tenant: string;
  @ApiProperty({ example: 'iaas' }) service: string;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ type: String, nullable: true, example: 'cn-beijing-1' }) dataCentre: string | null;
  @ApiProperty({ type: ProgressResponse }) progress: ProgressResponse;
  @ApiProperty() cancelRequested: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
}

export class ProvisioningRequestResponse extends ProvisioningRequestSummaryResponse {
  @ApiProperty({ type: 'integer', description: 'Grows with every change of the request.' }) version: number;
  @ApiProperty({ ...FREE_FORM, description: 'The spec as submitted (CIDRs normalised).' }) spec: Record<string, unknown>;
  @ApiProperty({ type: DemandResponse }) demand: DemandResponse;
  @ApiProperty({ ...FREE_FORM, nullable: true, description: 'The chosen data centre and why; the candidates and why each lost.' })
  placement: Record<string, unknown> | null;
  @ApiProperty({ type: ReservationResponse, nullable: true }) reservation: ReservationResponse | null;
  @ApiProperty({ type: StepResponse, isArray: true }) steps: StepResponse[];
  @ApiProperty({ ...FREE_FORM, nullable: true, description: 'Why it was rejected or failed; leftover partner resources.' })
  failure: Record<string, unknown> | null;
  @ApiProperty({ type: DeploymentLinkResponse, nullable: true, description: 'What it produced, once ACTIVE.' })
  deployment: DeploymentLinkResponse | null;
  @ApiProperty({
    ...FREE_FORM,
    nullable: true,
    description: 'The policy decision: every rule (with the version used) for every candidate data centre, pass or fail, each with a reason.',
  })
  decision: Record<string, unknown> | null;
  @ApiProperty({ ...FREE_FORM, nullable: true, description: 'Who approved or rejected it, when and why (or that the approval timed out).' })
  approval: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true, description: 'While AWAITING_APPROVAL: when it is rejected unless someone decides.' })
  approvalDeadline: string | null;
  @ApiProperty({ description: 'The API key that submitted it.' }) submittedBy: string;
}

/** Steps done: succeeded, or skipped as not needed. */
export const isDone = (status: string): boolean => status === 'succeeded' || status === 'skipped';

export const toSummary = (row: ProvisioningRequestRow, progress: ProgressResponse): ProvisioningRequestSummaryResponse => ({
  id: row.id,
  tenant: row.tenantId,
  service: row.service,
  status: row.status as RequestStatus,
  dataCentre: row.dataCentreCode,
  progress,
  cancelRequested: row.cancelRequested,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  finishedAt: iso(row.finishedAt),
});

/** The executor may keep more on an item than StepItem says (its last error, a leftover mark). */
const toItem = (item: StepItem & { error?: string | null; leftover?: boolean }): StepItemResponse => ({
  key: item.key,
  status: item.status,
  operationId: item.operationId ?? null,
  resourceId: item.resourceId ?? null,
  error: item.error ?? null,
  leftover: item.leftover === true,
});

export const toStepResponse = (row: ProvisioningStepRow): StepResponse => ({
  position: row.position,
  name: row.name,
  status: row.status,
  attempts: row.attempts,
  compensationAttempts: row.compensationAttempts,
  startedAt: iso(row.startedAt),
  finishedAt: iso(row.finishedAt),
  items: (row.items ?? []).map(toItem),
  lastError: row.lastError,
});

export const toReservationResponse = (row: CapacityReservationRow): ReservationResponse => ({
  dataCentre: row.dataCentreCode,
  status: row.status,
  vcpu: row.vcpu,
  memoryGib: row.memoryGib,
  storageGib: row.storageGib,
  publicIps: row.publicIps,
  vms: row.vms,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export function toProvisioningRequestResponse(parts: {
  request: ProvisioningRequestRow;
  steps: ProvisioningStepRow[];
  reservation: CapacityReservationRow | null;
  deployment: Pick<DeploymentRow, 'id' | 'status'> | null;
}): ProvisioningRequestResponse {
  const { request, steps, reservation, deployment } = parts;
  const progress = { done: steps.filter((step) => isDone(step.status)).length, total: steps.length };
  return {
    ...toSummary(request, progress),
    version: request.version,
    spec: request.spec as unknown as Record<string, unknown>,
    demand: request.demand,
    placement: request.placement,
    reservation: reservation === null ? null : toReservationResponse(reservation),
    steps: steps.map(toStepResponse),
    failure: request.failure,
    deployment: deployment === null ? null : { id: deployment.id, status: deployment.status },
    decision: request.decision,
    approval: request.approval,
    approvalDeadline: iso(request.approvalDeadline),
    submittedBy: request.submittedBy,
  };
}
