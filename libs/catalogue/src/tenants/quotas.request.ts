import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** Upper bound of every quota: far above any real tenant, well inside a PostgreSQL integer. */
export const MAX_QUOTA = 10_000_000;

export class QuotasRequest {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 64 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  vcpu: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 256 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  memoryGib: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 2048 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  storageGib: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_QUOTA, example: 20 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  vms: number;
}
