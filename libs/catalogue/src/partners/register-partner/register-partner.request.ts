import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { CODE_PATTERN, COUNTRY_CODE_PATTERN, PARTNER_KINDS, type PartnerKind } from '../../domain/vocabulary.js';

export class RegisterPartnerRequest {
  @ApiProperty({ type: String, maxLength: 40, pattern: CODE_PATTERN.source, example: 'china-telecom' })
  @IsString()
  @MaxLength(40)
  @Matches(CODE_PATTERN, { message: 'code must be a lower-case slug such as china-telecom' })
  code: string;

  @ApiProperty({ type: String, maxLength: 120, example: 'China Telecom' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: PARTNER_KINDS })
  @IsIn(PARTNER_KINDS)
  kind: PartnerKind;

  @ApiPropertyOptional({
    type: String,
    maxLength: 2,
    pattern: COUNTRY_CODE_PATTERN.source,
    example: 'CN',
    description: 'Required for a local partner: where it is licensed.',
  })
  @ValidateIf((body: RegisterPartnerRequest) => body.kind === 'local-partner' || body.country !== undefined)
  @IsString()
  @MaxLength(2)
  @Matches(COUNTRY_CODE_PATTERN, { message: 'country must be an ISO 3166-1 alpha-2 code such as CN' })
  country?: string;
}
