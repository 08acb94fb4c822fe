import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { ROLES, type Role } from '../../domain/caller.js';

export class ListApiKeysRequest extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  // A query string has no booleans: the two words are the values.
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: revoked keys only; false: live keys only.' })
  @IsOptional()
  @IsIn(['true', 'false'])
  revoked?: 'true' | 'false';
}
