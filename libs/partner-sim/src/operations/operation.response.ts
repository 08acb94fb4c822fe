import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SimOperation } from '../domain/operation.js';
import { OPERATION_ACTIONS, OPERATION_STATUSES, type OperationAction, type OperationStatus, RESOURCE_TYPES, type ResourceType } from '../domain/vocabulary.js';

export class OperationErrorResponse {
  @ApiProperty({ example: 'insufficient-capacity' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'Retrying the same request cannot help.' }) permanent: boolean;
}

export class OperationResponse {
  @ApiProperty({ example: 'ctel-op-4be1c0d29a7f3e15' }) id: string;
  @ApiProperty({ example: 'china-telecom' }) partner: string;
  @ApiProperty({ enum: OPERATION_ACTIONS }) action: OperationAction;
  @ApiProperty({ enum: OPERATION_STATUSES }) status: OperationStatus;
  @ApiProperty({ enum: RESOURCE_TYPES }) resourceType: ResourceType;
  @ApiProperty({ example: 'ctel-vm-9d0f3a61c2b84e07' }) resourceId: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ type: OperationErrorResponse, description: 'Only on a failed operation.' }) error?: OperationErrorResponse;
}

/** The planned outcome stays hidden until the operation completes, as it would at a real partner. */
export function toOperationResponse(operation: SimOperation): OperationResponse {
  return {
    id: operation.id,
    partner: operation.partner,
    action: operation.action,
    status: operation.status,
    resourceType: operation.resourceType,
    resourceId: operation.resourceId,
    createdAt: operation.createdAt.toISOString(),
    completedAt: operation.completedAt?.toISOString() ?? null,
    ...(operation.status === 'failed' && operation.plannedError ? { error: { ...operation.plannedError } } : {}),
  };
}

export const operationLocation = (operation: SimOperation): string =>
  `/partners/${operation.partner}/operations/${operation.id}`;
