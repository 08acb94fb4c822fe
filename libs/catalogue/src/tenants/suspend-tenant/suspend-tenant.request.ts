import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SuspendTenantRequest {
  @ApiProperty({
    type: String,
    minLength: 1,
    maxLength: 500,
    example: 'Invoices unpaid for 90 days.',
    description: 'Shown to operators while the tenant is suspended.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
