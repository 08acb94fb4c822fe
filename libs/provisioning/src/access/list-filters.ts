import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '#libs/catalogue/src/domain/vocabulary.js';

// The filters requests and deployments share: one validator stack each, with its OpenAPI keywords.

export const TenantFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'uuid', maxLength: 36 }),
    IsOptional(),
    IsString(),
    MaxLength(36),
    IsUUID('loose', { message: 'tenant must be a tenant id (a uuid)' }),
  );

export const DataCentreFilter = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: 40, pattern: CODE_PATTERN.source, example: 'cn-beijing-1' }),
    IsOptional(),
    IsString(),
    MaxLength(40),
    Matches(CODE_PATTERN, { message: 'dataCentre must be a data centre code such as cn-beijing-1' }),
  );
