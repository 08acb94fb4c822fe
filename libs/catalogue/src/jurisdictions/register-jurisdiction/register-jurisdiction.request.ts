import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import {
  CODE_PATTERN,
  COUNTRY_CODE_PATTERN,
  RESIDENCY_REQUIREMENTS,
  type ResidencyRequirement,
} from '../../domain/vocabulary.js';
import { MULTI_LINE_TEXT_PATTERN, SINGLE_LINE_TEXT_PATTERN } from '../text-patterns.js';

export class RegisterJurisdictionRequest {
  @ApiProperty({
    type: String,
    example: 'CN',
    description: 'ISO 3166-1 alpha-2.',
    minLength: 2,
    maxLength: 2,
    pattern: COUNTRY_CODE_PATTERN.source,
  })
  @IsString()
  @Length(2, 2)
  @Matches(COUNTRY_CODE_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as CN' })
  country: string;

  @ApiProperty({
    type: String,
    example: 'China',
    minLength: 1,
    maxLength: 120,
    pattern: SINGLE_LINE_TEXT_PATTERN.source,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(SINGLE_LINE_TEXT_PATTERN, { message: 'name must be one line without control characters' })
  name: string;

  @ApiProperty({ type: String, example: 'east-asia', maxLength: 40, pattern: CODE_PATTERN.source })
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'regionCode must be a lower-case slug such as east-asia' })
  regionCode: string;

  @ApiProperty({ type: Boolean, description: 'Whether the provider may own data centres in this country.' })
  @IsBoolean()
  providerMayOwnDataCentres: boolean;

  @ApiProperty({
    type: String,
    example: 'Foreigners may not own data centres in China.',
    description: 'Why; quoted back when a registration is refused.',
    minLength: 1,
    maxLength: 500,
    pattern: MULTI_LINE_TEXT_PATTERN.source,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(MULTI_LINE_TEXT_PATTERN, { message: 'ownershipRationale must not contain control characters' })
  ownershipRationale: string;

  @ApiProperty({ enum: RESIDENCY_REQUIREMENTS, description: 'Residency a tenant at home here gets unless it says otherwise.' })
  @IsIn(RESIDENCY_REQUIREMENTS)
  defaultResidency: ResidencyRequirement;
}
