import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MULTI_LINE_TEXT_PATTERN } from '#libs/catalogue/src/jurisdictions/text-patterns.js';

export class ApprovalRequest {
  @ApiProperty({ type: String, minLength: 1, maxLength: 500, example: 'Reviewed with the tenant: capacity planned for Q3.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(MULTI_LINE_TEXT_PATTERN, { message: 'reason must not contain control characters' })
  reason: string;
}
