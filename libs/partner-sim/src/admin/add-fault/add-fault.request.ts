import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import {
  FAULT_KINDS,
  type FaultKind,
  OPERATION_ACTIONS,
  type OperationAction,
  OUTAGE_STATUSES,
  type OutageStatus,
  RESOURCE_TYPES,
  type ResourceType,
} from '../../domain/vocabulary.js';

export class AddFaultRequest {
  @ApiProperty({ enum: OPERATION_ACTIONS })
  @IsIn(OPERATION_ACTIONS)
  action: OperationAction;

  @ApiPropertyOptional({ enum: RESOURCE_TYPES, description: 'Absent: calls on every type match.' })
  @IsAbsentOrValid()
  @IsIn(RESOURCE_TYPES)
  resourceType?: ResourceType;

  @ApiProperty({
    enum: FAULT_KINDS,
    description: 'transient: the call is answered 503 (or 429) and does nothing; permanent: its operation fails when it completes.',
  })
  @IsIn(FAULT_KINDS)
  kind: FaultKind;

  @ApiProperty({ minimum: 1, maximum: 10_000, description: 'How many matching calls fail.' })
  @IsInt()
  @Min(1)
  @Max(10_000)
  count: number;

  @ApiPropertyOptional({ enum: OUTAGE_STATUSES, description: 'Transient only; default 503.' })
  @IsAbsentOrValid()
  @IsIn(OUTAGE_STATUSES)
  httpStatus?: OutageStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 3600, description: 'Transient only: sent as Retry-After (default: 1 with a 429, none with a 503).' })
  @IsAbsentOrValid()
  @IsInt()
  @Min(0)
  @Max(3600)
  retryAfterSeconds?: number;
}
