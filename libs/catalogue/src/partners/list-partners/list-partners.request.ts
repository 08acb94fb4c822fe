import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '#libs/core/src/http/pagination.js';
import { COUNTRY_CODE_PATTERN, PARTNER_KINDS, type PartnerKind } from '../../domain/vocabulary.js';

export class ListPartnersRequest extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_KINDS })
  @IsOptional()
  @IsIn(PARTNER_KINDS)
  kind?: PartnerKind;

  @ApiPropertyOptional({ type: String, maxLength: 2, example: 'JP' })
  @IsOptional()
  @Matches(COUNTRY_CODE_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as JP' })
  country?: string;
}
