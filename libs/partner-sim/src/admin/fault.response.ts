import { ApiProperty } from '@nestjs/swagger';
import type { Fault } from '../domain/fault.js';
import {
  FAULT_KINDS,
  type FaultKind,
  OPERATION_ACTIONS,
  type OperationAction,
  OUTAGE_STATUSES,
  type OutageStatus,
  RESOURCE_TYPES,
  type ResourceType,
} from '../domain/vocabulary.js';

export class FaultResponse {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ example: 'softbank' }) partner: string;
  @ApiProperty({ enum: OPERATION_ACTIONS }) action: OperationAction;
  @ApiProperty({ enum: RESOURCE_TYPES, nullable: true, description: 'Null: every type.' }) resourceType: ResourceType | null;
  @ApiProperty({ enum: FAULT_KINDS }) kind: FaultKind;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Matching calls it will still fail.' }) remaining: number;
  @ApiProperty({ enum: OUTAGE_STATUSES, nullable: true }) httpStatus: OutageStatus | null;
  @ApiProperty({ type: Number, nullable: true }) retryAfterSeconds: number | null;
}

export class FaultListResponse {
  @ApiProperty({ type: [FaultResponse] }) items: FaultResponse[];
}

export const toFaultResponse = (fault: Fault): FaultResponse => ({ ...fault });
