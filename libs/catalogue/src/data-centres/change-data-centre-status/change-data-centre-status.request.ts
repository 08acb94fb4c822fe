import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { DATA_CENTRE_STATUSES, type DataCentreStatus } from '../../domain/vocabulary.js';
import { MULTI_LINE_TEXT_PATTERN } from '../../jurisdictions/text-patterns.js';
import { AvailableFromField } from '../data-centre.constraints.js';

export class ChangeDataCentreStatusRequest {
  @ApiProperty({ enum: DATA_CENTRE_STATUSES })
  @IsIn(DATA_CENTRE_STATUSES)
  status: DataCentreStatus;

  @AvailableFromField()
  availableFrom?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Cooling upgrade in hall B.',
    description: 'Why; shown with the status. Omitted clears the previous reason.',
    minLength: 1,
    maxLength: 500,
    pattern: MULTI_LINE_TEXT_PATTERN.source,
  })
  @IsAbsentOrValid()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(MULTI_LINE_TEXT_PATTERN, { message: 'reason must not contain control characters' })
  reason?: string;
}
