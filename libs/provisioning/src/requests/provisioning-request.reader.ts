import type { EntityManager } from 'typeorm';
import {
  CapacityReservationRow,
  DeploymentRow,
  ProvisioningRequestRow,
  ProvisioningStepRow,
} from '../persistence/provisioning.entities.js';
import { type ProvisioningRequestResponse, toProvisioningRequestResponse } from './provisioning-request.response.js';
import { isUuid } from './request-id.js';

/**
 * The request resource, read with the given manager: inside a command's transaction (the 202 body
 * that an idempotency key stores) or outside it (queries). Null when no such request exists.
 */
export async function readProvisioningRequest(manager: EntityManager, id: string): Promise<ProvisioningRequestResponse | null> {
  if (!isUuid(id)) return null;
  const request = await manager.getRepository(ProvisioningRequestRow).findOneBy({ id });
  if (!request) return null;
  // One after another: inside a transaction they share one connection anyway.
  const steps = await manager.getRepository(ProvisioningStepRow).find({ where: { requestId: id }, order: { position: 'ASC' } });
  const reservation = await manager.getRepository(CapacityReservationRow).findOneBy({ requestId: id });
  const deployment = await manager.getRepository(DeploymentRow).findOne({ where: { requestId: id }, select: { id: true, status: true } });
  return toProvisioningRequestResponse({ request, steps, reservation, deployment });
}
