import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import {
  COUNTRY_CODE_PATTERN,
  RESIDENCY_REQUIREMENTS,
  type ResidencyRequirement,
  TENANT_SECTORS,
  TENANT_SEGMENTS,
  TENANT_STATUSES,
  type TenantSector,
  type TenantSegment,
  type TenantStatus,
} from '../../domain/vocabulary.js';

export class ListTenantsRequest extends PageQueryDto {
  @ApiPropertyOptional({ type: String, minLength: 2, maxLength: 2, pattern: COUNTRY_CODE_PATTERN.source, example: 'CN' })
  @IsOptional()
  @IsString()
  @Matches(COUNTRY_CODE_PATTERN, { message: 'homeCountry must be an ISO 3166-1 alpha-2 code such as CN' })
  homeCountry?: string;

  @ApiPropertyOptional({ enum: TENANT_SEGMENTS })
  @IsOptional()
  @IsIn(TENANT_SEGMENTS)
  segment?: TenantSegment;

  @ApiPropertyOptional({ enum: TENANT_SECTORS })
  @IsOptional()
  @IsIn(TENANT_SECTORS)
  sector?: TenantSector;

  @ApiPropertyOptional({ enum: TENANT_STATUSES })
  @IsOptional()
  @IsIn(TENANT_STATUSES)
  status?: TenantStatus;

  @ApiPropertyOptional({ enum: RESIDENCY_REQUIREMENTS })
  @IsOptional()
  @IsIn(RESIDENCY_REQUIREMENTS)
  residency?: ResidencyRequirement;
}
