import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SERVICES, type Service } from '#libs/catalogue/src/domain/vocabulary.js';
import { DataCentreFilter, TenantFilter } from '../../access/list-filters.js';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { REQUEST_STATUSES, type RequestStatus } from '../../domain/request-status.js';

export class ListProvisioningRequestsRequest extends PageQueryDto {
  @TenantFilter()
  tenant?: string;

  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @DataCentreFilter()
  dataCentre?: string;

  @ApiPropertyOptional({ enum: SERVICES })
  @IsOptional()
  @IsIn(SERVICES)
  service?: Service;
}
