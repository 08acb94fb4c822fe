import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN, SERVICES, type Service } from '#libs/catalogue/src/domain/vocabulary.js';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { REQUEST_STATUSES, type RequestStatus } from '../../domain/request-status.js';

export class ListProvisioningRequestsRequest extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  @IsUUID('loose', { message: 'tenant must be a tenant id (a uuid)' })
  tenant?: string;

  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({ type: String, maxLength: 40, pattern: CODE_PATTERN.source, example: 'cn-beijing-1' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'dataCentre must be a data centre code such as cn-beijing-1' })
  dataCentre?: string;

  @ApiPropertyOptional({ enum: SERVICES })
  @IsOptional()
  @IsIn(SERVICES)
  service?: Service;
}
