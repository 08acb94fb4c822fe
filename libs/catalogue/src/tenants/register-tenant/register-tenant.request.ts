import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  COUNTRY_CODE_PATTERN,
  RESIDENCY_REQUIREMENTS,
  type ResidencyRequirement,
  TENANT_SECTORS,
  TENANT_SEGMENTS,
  type TenantSector,
  type TenantSegment,
} from '../../domain/vocabulary.js';
import { QuotasRequest } from '../quotas.request.js';

export class RegisterTenantRequest {
  @ApiProperty({ type: String, minLength: 1, maxLength: 120, example: 'Bank of Shanghai' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ type: String, minLength: 2, maxLength: 2, pattern: COUNTRY_CODE_PATTERN.source, example: 'CN' })
  @IsString()
  @Matches(COUNTRY_CODE_PATTERN, { message: 'homeCountry must be an ISO 3166-1 alpha-2 code such as CN' })
  homeCountry: string;

  @ApiProperty({ enum: TENANT_SEGMENTS })
  @IsIn(TENANT_SEGMENTS)
  segment: TenantSegment;

  @ApiProperty({ enum: TENANT_SECTORS })
  @IsIn(TENANT_SECTORS)
  sector: TenantSector;

  @ApiPropertyOptional({
    enum: RESIDENCY_REQUIREMENTS,
    description: "Omitted: the home country's default residency requirement applies.",
  })
  // Not IsOptional: that would let `null` through; absent means default, null is refused.
  @ValidateIf((_: RegisterTenantRequest, value: unknown) => value !== undefined)
  @IsIn(RESIDENCY_REQUIREMENTS)
  residency?: ResidencyRequirement;

  @ApiProperty({ type: QuotasRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => QuotasRequest)
  quotas: QuotasRequest;
}
