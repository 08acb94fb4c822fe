import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { MAX_QUOTA } from '../quotas.request.js';

// ValidateIf rather than IsOptional: IsOptional lets `null` through, and a null quota would reach
// a NOT NULL column. Absent means "unchanged"; null is refused.
const present = (_: object, value: unknown): boolean => value !== undefined;

export class ChangeTenantQuotasRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 128 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  vcpu?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 512 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  memoryGib?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 4096 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  storageGib?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 40 })
  @ValidateIf(present)
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  vms?: number;
}
