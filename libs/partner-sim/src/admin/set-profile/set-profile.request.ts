import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { MAX_LATENCY_MS, MAX_SEED } from '../../domain/profile.js';

export class SetProfileRequest {
  @ApiProperty({ minimum: 0, maximum: MAX_LATENCY_MS, example: 800, description: 'Mean time an operation takes.' })
  @IsInt()
  @Min(0)
  @Max(MAX_LATENCY_MS)
  latencyMs: number;

  @ApiProperty({ minimum: 0, maximum: MAX_LATENCY_MS, example: 200, description: 'Each operation takes latency ± up to this.' })
  @IsInt()
  @Min(0)
  @Max(MAX_LATENCY_MS)
  jitterMs: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.05, description: 'Share of calls answered 503 or 429 without doing anything.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  transientFailureRate: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.01, description: 'Share of new operations that fail for good.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  permanentFailureRate: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_SEED,
    example: 42,
    description:
      'Makes the partner’s random outcomes reproducible: each call’s draws depend on the seed, what the call acts on and how many ' +
      'such calls came before since this profile was set, not on the order calls arrive in. Absent: unseeded (Math.random).',
  })
  @IsAbsentOrValid()
  @IsInt()
  @Min(0)
  @Max(MAX_SEED)
  seed?: number;
}
