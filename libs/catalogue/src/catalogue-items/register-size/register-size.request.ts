import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CODE_PATTERN } from '../../domain/vocabulary.js';

export class RegisterSizeRequest {
  @ApiProperty({ type: String, maxLength: 40, pattern: CODE_PATTERN.source, example: 'm1.large' })
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code must be a lower-case slug such as m1.large' })
  code: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 80, example: 'Large (4 vCPU, 16 GiB)' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  name: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 512, example: 4 })
  @IsInt()
  @Min(1)
  @Max(512)
  vcpu: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4096, example: 16 })
  @IsInt()
  @Min(1)
  @Max(4096)
  memoryGib: number;
}
