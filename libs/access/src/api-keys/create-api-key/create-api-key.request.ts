import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import { ROLES, type Role, type Scope } from '../../domain/caller.js';

/** A scope field belongs to one role: given with another, it would be silently ignored. */
const OnlyForRole = (role: Role): PropertyDecorator =>
  ValidateBy({
    name: 'onlyForRole',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => (args?.object as CreateApiKeyRequest).role === role,
      defaultMessage: (args?: ValidationArguments) => `${args?.property} is only given for role ${role}`,
    },
  });

export class CreateApiKeyRequest {
  @ApiProperty({ type: String, minLength: 1, maxLength: 120, example: 'ci-pipeline', description: 'What or who the key is for.' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    type: String,
    maxLength: 40,
    example: 'china-telecom',
    description: 'The partner a partner-operator key acts for: required for that role, refused for the others.',
  })
  @ValidateIf((body: CreateApiKeyRequest) => body.role === 'partner-operator' || body.partner !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @OnlyForRole('partner-operator')
  partner?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    maxLength: 36,
    description: 'The tenant a tenant key acts for: required for that role, refused for the others.',
  })
  @ValidateIf((body: CreateApiKeyRequest) => body.role === 'tenant' || body.tenant !== undefined)
  @IsString()
  @IsUUID('loose', { message: 'tenant must be a tenant id (a uuid)' })
  @MaxLength(36)
  @OnlyForRole('tenant')
  tenant?: string;
}

/** The scope a valid request names. */
export function scopeOfRequest(body: CreateApiKeyRequest): Scope {
  switch (body.role) {
    case 'platform-operator':
      return { kind: 'platform' };
    case 'partner-operator':
      return { kind: 'partner', partnerCode: body.partner! };
    case 'tenant':
      return { kind: 'tenant', tenantId: body.tenant!.toLowerCase() };
  }
}
