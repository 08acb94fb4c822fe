import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Max, Min } from 'class-validator';
import { MAX_LATENCY_MS } from '../../domain/profile.js';

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
}
