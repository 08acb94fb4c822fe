import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataCentreFilter, TenantFilter } from '../../access/list-filters.js';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { DEPLOYMENT_STATUSES, type DeploymentStatus } from '../deployment.response.js';

export class ListDeploymentsRequest extends PageQueryDto {
  @TenantFilter()
  tenant?: string;

  @DataCentreFilter()
  dataCentre?: string;

  @ApiPropertyOptional({ enum: DEPLOYMENT_STATUSES })
  @IsOptional()
  @IsIn(DEPLOYMENT_STATUSES)
  status?: DeploymentStatus;
}
