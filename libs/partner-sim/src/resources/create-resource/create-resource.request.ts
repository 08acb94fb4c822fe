import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsObject } from 'class-validator';
import { RESOURCE_TYPES, type ResourceType } from '../../domain/vocabulary.js';
import { IsLabelMap } from '../labels.validator.js';

export class CreateResourceRequest {
  @ApiProperty({ enum: RESOURCE_TYPES })
  @IsIn(RESOURCE_TYPES)
  type: ResourceType;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What to create, as the partner takes it (size, image, CIDR…); kept as given.',
    example: { size: 'm1.large', image: 'rhel-7' },
  })
  @IsObject()
  spec: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '`tenant` is required; `request` names the provisioning request, and lists filter on both.',
    example: { tenant: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', request: '6fa459ea-ee8a-3ca4-894e-db77e160355e' },
  })
  @IsLabelMap()
  labels: Record<string, string>;
}
