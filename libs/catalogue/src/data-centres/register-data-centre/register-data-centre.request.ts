import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
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
import { IsAbsentOrValid } from '#libs/core/src/http/validation.js';
import { SINGLE_LINE_TEXT_PATTERN } from '../../jurisdictions/text-patterns.js';
import { AvailableFromField, MAX_POOL_SIZE, POOL_SCHEMA } from '../data-centre.constraints.js';

export class CapacityRequest {
  @ApiProperty({ ...POOL_SCHEMA, example: 2000 })
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  vcpu: number;

  @ApiProperty({ ...POOL_SCHEMA, example: 8000 })
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  memoryGib: number;

  @ApiProperty({ ...POOL_SCHEMA, example: 500000 })
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  storageGib: number;

  @ApiProperty({ ...POOL_SCHEMA, example: 256 })
  @IsInt()
  @Min(0)
  @Max(MAX_POOL_SIZE)
  publicIps: number;
}

export class RegisterDataCentreRequest {
  @ApiProperty({ type: String, example: 'cn-beijing-1', maxLength: 40, pattern: CODE_PATTERN.source })
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code must be a lower-case slug such as cn-beijing-1' })
  code: string;

  @ApiProperty({ type: String, example: 'Beijing 1', minLength: 1, maxLength: 120, pattern: SINGLE_LINE_TEXT_PATTERN.source })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @Matches(SINGLE_LINE_TEXT_PATTERN, { message: 'name must be one line without control characters' })
  name: string;

  @ApiProperty({ type: String, example: 'CN', minLength: 2, maxLength: 2, pattern: COUNTRY_CODE_PATTERN.source })
  @IsString()
  @Length(2, 2)
  @Matches(COUNTRY_CODE_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as CN' })
  country: string;

  @ApiProperty({
    type: String,
    example: 'china-telecom',
    description: 'Code of the operating partner.',
    maxLength: 40,
    pattern: CODE_PATTERN.source,
  })
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'operator must be a partner code such as china-telecom' })
  operator: string;

  @ApiProperty({ enum: OWNERSHIPS })
  @IsIn(OWNERSHIPS)
  ownership: Ownership;

  @ApiProperty({ enum: SERVICES, isArray: true, minItems: 1, maxItems: 3, uniqueItems: true, example: ['iaas'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(SERVICES, { each: true })
  services: Service[];

  @ApiProperty({ type: CapacityRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => CapacityRequest)
  capacity: CapacityRequest;

  @ApiPropertyOptional({ enum: DATA_CENTRE_STATUSES, default: 'active' })
  @IsAbsentOrValid()
  @IsIn(DATA_CENTRE_STATUSES)
  status?: DataCentreStatus;

  @AvailableFromField()
  availableFrom?: string;
}
