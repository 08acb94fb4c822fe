import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { MAX_POOL_SIZE, POOL_SCHEMA } from '../data-centre.constraints.js';

/** New totals; name at least one pool, the others keep theirs. */
@ApiSchema({ description: 'New totals; name at least one pool, the others keep theirs. An empty body is refused with 400.' })
export class ChangeDataCentreCapacityRequest {
  @ApiPropertyOptional({ ...POOL_SCHEMA, example: 2400 })
  @IsAbsentOrValid()
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  vcpu?: number;

  @ApiPropertyOptional({ ...POOL_SCHEMA, example: 9600 })
  @IsAbsentOrValid()
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  memoryGib?: number;

  @ApiPropertyOptional({ ...POOL_SCHEMA, example: 600000 })
  @IsAbsentOrValid()
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  storageGib?: number;

  @ApiPropertyOptional({ ...POOL_SCHEMA, example: 512 })
  @IsAbsentOrValid()
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  publicIps?: number;
}
