import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RESOURCE_STATES, RESOURCE_TYPES, type ResourceState, type ResourceType } from '../../domain/vocabulary.js';

export const STATE_FILTERS = [...RESOURCE_STATES, 'all'] as const;

export class ListResourcesRequest {
  @ApiPropertyOptional({ description: 'The `request` label.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  request?: string;

  @ApiPropertyOptional({ description: 'The `tenant` label.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  tenant?: string;

  @ApiPropertyOptional({ enum: RESOURCE_TYPES })
  @IsOptional()
  @IsIn(RESOURCE_TYPES)
  type?: ResourceType;

  @ApiPropertyOptional({ enum: STATE_FILTERS, description: 'Default: every state but deleted; `all` includes deleted.' })
  @IsOptional()
  @IsIn(STATE_FILTERS)
  state?: ResourceState | 'all';
}
