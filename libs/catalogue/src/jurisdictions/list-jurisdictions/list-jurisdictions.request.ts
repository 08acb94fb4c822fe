import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { CODE_PATTERN } from '../../domain/vocabulary.js';

export class ListJurisdictionsRequest extends PageQueryDto {
  @ApiPropertyOptional({ type: String, example: 'east-asia', maxLength: 40, pattern: CODE_PATTERN.source })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'regionCode must be a lower-case slug such as east-asia' })
  regionCode?: string;
}
