import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { AUDIT_OUTCOMES, type AuditOutcome } from '../audit-event.js';

export class ListAuditEventsRequest extends PageQueryDto {
  @ApiPropertyOptional({ type: String, maxLength: 100, description: 'The key id of the caller; `bootstrap` for the bootstrap key.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 1000,
    example: '/v1/tenants/*',
    description: 'The exact target, or a prefix of it followed by `*`.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  target?: string;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;
}
