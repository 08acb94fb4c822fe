import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { RESIDENCY_REQUIREMENTS, type ResidencyRequirement } from '../../domain/vocabulary.js';
import { MULTI_LINE_TEXT_PATTERN, SINGLE_LINE_TEXT_PATTERN } from '../text-patterns.js';

/** Name at least one field; those left out keep their value. */
@ApiSchema({ description: 'Name at least one field; those left out keep their value. An empty body is refused with 400.' })
export class ChangeJurisdictionRequest {
  @ApiPropertyOptional({ type: String, example: 'China', minLength: 1, maxLength: 120, pattern: SINGLE_LINE_TEXT_PATTERN.source })
  @IsAbsentOrValid()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(SINGLE_LINE_TEXT_PATTERN, { message: 'name must be one line without control characters' })
  name?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsAbsentOrValid()
  @IsBoolean()
  providerMayOwnDataCentres?: boolean;

  @ApiPropertyOptional({ type: String, minLength: 1, maxLength: 500, pattern: MULTI_LINE_TEXT_PATTERN.source })
  @IsAbsentOrValid()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(MULTI_LINE_TEXT_PATTERN, { message: 'ownershipRationale must not contain control characters' })
  ownershipRationale?: string;

  @ApiPropertyOptional({ enum: RESIDENCY_REQUIREMENTS })
  @IsAbsentOrValid()
  @IsIn(RESIDENCY_REQUIREMENTS)
  defaultResidency?: ResidencyRequirement;
}
