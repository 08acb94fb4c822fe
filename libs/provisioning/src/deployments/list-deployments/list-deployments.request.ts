import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '#libs/catalogue/src/domain/vocabulary.js';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { DEPLOYMENT_STATUSES, type DeploymentStatus } from '../deployment.response.js';

export class ListDeploymentsRequest extends PageQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', maxLength: 36 })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  @IsUUID('loose', { message: 'tenant must be a tenant id (a uuid)' })
  tenant?: string;

  @ApiPropertyOptional({ type: String, maxLength: 40, pattern: CODE_PATTERN.source, example: 'cn-beijing-1' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'dataCentre must be a data centre code such as cn-beijing-1' })
  dataCentre?: string;

  @ApiPropertyOptional({ enum: DEPLOYMENT_STATUSES })
  @IsOptional()
  @IsIn(DEPLOYMENT_STATUSES)
  status?: DeploymentStatus;
}
