import type { PowerState, ResourceState, ResourceType } from './vocabulary.js';

/** Something a partner backend holds for a tenant: an org, a network, a volume, a VM, a VPN link. */
export interface SimResource {
  id: string;
  partner: string;
  type: ResourceType;
  /** Free-form, with at least `tenant`; `request` names the provisioning request that made it. */
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  state: ResourceState;
  /** VMs only; null for every other type. */
  power: PowerState | null;
  createdAt: Date;
  deletedAt: Date | null;
}

export type NewResource = Omit<SimResource, 'createdAt' | 'deletedAt'>;

/** Short, recognisable id prefixes for the partners we know; any other code makes its own. */
const KNOWN_PREFIXES: Record<string, string> = { 'china-telecom': 'ctel', softbank: 'sbnk', provider: 'prov' };

export const partnerPrefix = (partner: string): string => KNOWN_PREFIXES[partner] ?? partner.replaceAll('-', '').slice(0, 6);

/** `ctel-vm-3f9c…`: which partner and what kind of thing, as real backends' ids tend to say. */
export const newResourceId = (partner: string, type: ResourceType, unique: string): string =>
  `${partnerPrefix(partner)}-${type}-${unique}`;

export function newResource(id: string, partner: string, type: ResourceType, spec: Record<string, unknown>, labels: Record<string, string>): NewResource {
  return { id, partner, type, spec, labels, state: 'creating', power: type === 'vm' ? 'off' : null };
}

/** A delete begins: the resource is on its way out, unless it is gone already. */
export function startDeleting(resource: SimResource): SimResource {
  return resource.state === 'deleted' ? resource : { ...resource, state: 'deleting' };
}
