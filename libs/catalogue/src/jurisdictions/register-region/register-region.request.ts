import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CODE_PATTERN } from '../../domain/vocabulary.js';
import { SINGLE_LINE_TEXT_PATTERN } from '../text-patterns.js';

export class RegisterRegionRequest {
  @ApiProperty({ type: String, example: 'east-asia', maxLength: 40, pattern: CODE_PATTERN.source })
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code must be a lower-case slug such as east-asia' })
  code: string;

  @ApiProperty({ type: String, example: 'East Asia', minLength: 1, maxLength: 120, pattern: SINGLE_LINE_TEXT_PATTERN.source })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(SINGLE_LINE_TEXT_PATTERN, { message: 'name must be one line without control characters' })
  name: string;
}
