import { idempotencyKeyFor, type IaasStepName } from '../../domain/iaas-steps.js';
import { type ExecutionItem, type PartnerResourceType, type PlanningView, RESOURCE_TYPE_OF, type RequestSnapshot, stepNamed } from './request-snapshot.js';

/**
 * What each partner step asks of the partner: its items, and for each the exact call. Bodies are
 * built from the spec and earlier steps' resources only, so a replay carries the same body as the
 * first call (the partner binds an idempotency key to its body).
 */

const planned = (key: string, idempotencyKey: string, resourceId: string | null = null): ExecutionItem => ({
  key,
  idempotencyKey,
  operationId: null,
  resourceId,
  status: 'pending',
});

/** One org per tenant per partner: its key is the tenant's, so concurrent requests share one. */
export const tenantOrgKey = (partner: string, tenantId: string): string => `tenant-org:${partner}:${tenantId}`;

const vmKeys = (request: PlanningView): string[] => {
  const total = request.spec.vms.reduce((sum, group) => sum + group.count, 0);
  return Array.from({ length: total }, (_, i) => `vm-${i}`);
};

/** The items a step works on, planned before any partner call (so an undo knows what may exist). */
export function planItems(request: PlanningView, step: IaasStepName): ExecutionItem[] {
  const create = (key: string) => planned(key, idempotencyKeyFor(request.id, step, key, 'create'));
  switch (step) {
    case 'ensure-tenant-org':
      return [planned('org', tenantOrgKey(request.partner, request.tenantId))];
    case 'create-network':
      return [create('network')];
    case 'create-volumes':
      return request.spec.storageGib > 0 ? [create('volume-0')] : [];
    case 'create-vms':
      return vmKeys(request).map(create);
    case 'create-hybrid-link':
      return request.spec.hybridLink ? [create('vpn-link')] : [];
    case 'power-on': {
      const vms = stepNamed(request, 'create-vms')?.items ?? [];
      return vms.map((vm) => planned(vm.key, idempotencyKeyFor(request.id, step, vm.key, 'power-on'), vm.resourceId));
    }
    default:
      return [];
  }
}

export interface CreateCall {
  type: PartnerResourceType;
  spec: Record<string, unknown>;
  labels: Record<string, string>;
}

const resourceOf = (request: RequestSnapshot, step: IaasStepName): string | null =>
  stepNamed(request, step)?.items[0]?.resourceId ?? null;

/** The create call of one item of a create step. */
export function createCallFor(request: RequestSnapshot, step: IaasStepName, item: ExecutionItem): CreateCall {
  const type = RESOURCE_TYPE_OF[step];
  if (!type) throw new Error(`Step '${step}' creates nothing.`);
  if (step === 'ensure-tenant-org') {
    // The tenant's, not this request's: no request label, so no request's undo deletes it.
    return { type, spec: { name: `tenant-${request.tenantId}` }, labels: { tenant: request.tenantId } };
  }
  const labels = { tenant: request.tenantId, request: request.id, step, item: item.key };
  const org = resourceOf(request, 'ensure-tenant-org');
  const network = resourceOf(request, 'create-network');
  switch (step) {
    case 'create-network':
      return { type, spec: { org, cidr: request.spec.networkCidr }, labels };
    case 'create-volumes':
      return { type, spec: { org, sizeGib: request.spec.storageGib }, labels };
    case 'create-vms': {
      const index = Number(item.key.slice('vm-'.length));
      return { type, spec: { org, network, name: item.key, ...vmGroupAt(request, index) }, labels };
    }
    case 'create-hybrid-link':
      return {
        type,
        spec: { network, onPremisesCidr: request.spec.hybridLink?.onPremisesCidr, vpnGatewayAddress: request.spec.hybridLink?.vpnGatewayAddress },
        labels,
      };
    default:
      throw new Error(`Step '${step}' creates nothing.`);
  }
}

/** The size and image of the n-th VM, counting through the groups in order. */
function vmGroupAt(request: RequestSnapshot, index: number): { size: string; image: string } {
  let first = 0;
  for (const group of request.spec.vms) {
    if (index < first + group.count) return { size: group.size, image: group.image };
    first += group.count;
  }
  throw new Error(`Request ${request.id} has no vm-${index}.`);
}

export const deleteKeyFor = (request: RequestSnapshot, step: IaasStepName, item: ExecutionItem): string =>
  idempotencyKeyFor(request.id, step, item.key, 'delete');
