import { ApiProperty } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { DeploymentRow } from '../persistence/provisioning.entities.js';
import { isUuid } from '../requests/request-id.js';

export const DEPLOYMENT_STATUSES = ['active', 'decommissioning', 'decommissioned'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export class DeploymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The provisioning request that produced it; its status and events follow a decommission.' })
  request: string;
  @ApiProperty({ format: 'uuid' }) tenant: string;
  @ApiProperty({ example: 'cn-beijing-1' }) dataCentre: string;
  @ApiProperty({ enum: DEPLOYMENT_STATUSES }) status: DeploymentStatus;
  @ApiProperty({ type: 'object', additionalProperties: true, isArray: true, description: 'The partner resources, in the order they were made.' })
  resources: Record<string, unknown>[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export const toDeploymentResponse = (row: DeploymentRow): DeploymentResponse => ({
  id: row.id,
  request: row.requestId,
  tenant: row.tenantId,
  dataCentre: row.dataCentreCode,
  status: row.status as DeploymentStatus,
  resources: row.resources,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The deployment resource, read with the given manager (inside a command's transaction or not). */
export async function readDeployment(manager: EntityManager, id: string): Promise<DeploymentResponse | null> {
  if (!isUuid(id)) return null;
  const row = await manager.getRepository(DeploymentRow).findOneBy({ id });
  return row ? toDeploymentResponse(row) : null;
}
