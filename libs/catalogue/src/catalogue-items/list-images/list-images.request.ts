import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { OS_FAMILIES, type OsFamily } from '../../domain/vocabulary.js';

export class ListImagesRequest extends PageQueryDto {
  @ApiPropertyOptional({ enum: OS_FAMILIES })
  @IsOptional()
  @IsIn(OS_FAMILIES)
  osFamily?: OsFamily;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 80, example: 'Canonical', description: 'Exact vendor name.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  vendor?: string;
}
