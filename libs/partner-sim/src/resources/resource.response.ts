import { ApiProperty } from '@nestjs/swagger';
import type { SimResource } from '../domain/resource.js';
import { POWER_STATES, type PowerState, RESOURCE_STATES, RESOURCE_TYPES, type ResourceState, type ResourceType } from '../domain/vocabulary.js';

export class ResourceResponse {
  @ApiProperty({ example: 'ctel-vm-9d0f3a61c2b84e07' }) id: string;
  @ApiProperty({ example: 'china-telecom' }) partner: string;
  @ApiProperty({ enum: RESOURCE_TYPES }) type: ResourceType;
  @ApiProperty({ enum: RESOURCE_STATES }) state: ResourceState;
  @ApiProperty({ enum: POWER_STATES, nullable: true, description: 'VMs only.' }) power: PowerState | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { tenant: '…', request: '…' } })
  labels: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: true }) spec: Record<string, unknown>;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) deletedAt: string | null;
}

export class ResourceListResponse {
  @ApiProperty({ type: [ResourceResponse] }) items: ResourceResponse[];
}

export const toResourceResponse = (resource: SimResource): ResourceResponse => ({
  id: resource.id,
  partner: resource.partner,
  type: resource.type,
  state: resource.state,
  power: resource.power,
  labels: resource.labels,
  spec: resource.spec,
  createdAt: resource.createdAt.toISOString(),
  deletedAt: resource.deletedAt?.toISOString() ?? null,
});
