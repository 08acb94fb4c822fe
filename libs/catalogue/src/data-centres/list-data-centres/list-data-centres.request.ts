import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import {
  CODE_PATTERN,
  COUNTRY_CODE_PATTERN,
  DATA_CENTRE_STATUSES,
  type DataCentreStatus,
  OWNERSHIPS,
  type Ownership,
  SERVICES,
  type Service,
} from '../../domain/vocabulary.js';

export class ListDataCentresRequest extends PageQueryDto {
  @ApiPropertyOptional({ type: String, example: 'CN', minLength: 2, maxLength: 2, pattern: COUNTRY_CODE_PATTERN.source })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  @Matches(COUNTRY_CODE_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as CN' })
  country?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'china-telecom',
    description: 'Partner code.',
    maxLength: 40,
    pattern: CODE_PATTERN.source,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'operator must be a partner code such as china-telecom' })
  operator?: string;

  @ApiPropertyOptional({ enum: DATA_CENTRE_STATUSES })
  @IsOptional()
  @IsIn(DATA_CENTRE_STATUSES)
  status?: DataCentreStatus;

  @ApiPropertyOptional({ enum: SERVICES, description: 'Only sites offering this service.' })
  @IsOptional()
  @IsIn(SERVICES)
  service?: Service;

  @ApiPropertyOptional({ enum: OWNERSHIPS })
  @IsOptional()
  @IsIn(OWNERSHIPS)
  ownership?: Ownership;
}
