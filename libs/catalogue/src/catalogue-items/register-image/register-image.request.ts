import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { OS_FAMILIES, type OsFamily } from '../../domain/vocabulary.js';

export class RegisterImageRequest {
  @ApiProperty({ type: String, minLength: 1, maxLength: 120, example: 'Ubuntu 24.04 LTS' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: OS_FAMILIES })
  @IsIn(OS_FAMILIES)
  osFamily: OsFamily;

  @ApiProperty({ type: String, minLength: 1, maxLength: 80, example: 'Canonical' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  vendor: string;

  @ApiProperty({ type: String, minLength: 1, maxLength: 40, example: '24.04' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  version: string;
}
