import { canonicalJson } from './fingerprint.js';
import type { CallTarget, ResourceFilter } from './partner-sim.ports.js';
import type { ResourceType } from './vocabulary.js';

/** A partner call as it arrives, by what it acts on: the gate's view of it. */
export type PartnerCall =
  | { action: 'create'; type: ResourceType; labels: Record<string, string> }
  | { action: 'delete' | 'power-on'; resourceId: string }
  | { action: 'poll'; operationId: string }
  | { action: 'list'; filter: ResourceFilter };

/** Everything but `request`: the control plane's request ids are fresh in every run, tenants' ids are not. */
function withoutRequest(values: object): Record<string, unknown> {
  const { request: _request, ...rest } = values as Record<string, unknown>;
  return rest;
}

const resourceIdentity = (type: ResourceType, labels: Record<string, string>): string => `${type} ${canonicalJson(withoutRequest(labels))}`;

/**
 * What a call acts on, in facts that are the same in every run, so that seeded draws can follow
 * it: never an id the simulator made, a request id or a time. A create is its type and labels
 * (bar `request`; its spec names other resources by id); a delete, power-on or poll is its action
 * and the identity of the resource, found by `target`, or the id as given when the partner has no
 * such resource or operation; a listing is its filter bar `request`.
 */
export function callIdentity(call: PartnerCall, target: CallTarget | null): string {
  switch (call.action) {
    case 'create':
      return `create ${resourceIdentity(call.type, call.labels)}`;
    case 'list':
      return `list ${canonicalJson(withoutRequest(call.filter))}`;
    case 'delete':
    case 'power-on':
      return `${call.action} ${target ? resourceIdentity(target.type, target.labels) : `id ${call.resourceId}`}`;
    case 'poll':
      return target ? `poll ${target.action} ${resourceIdentity(target.type, target.labels)}` : `poll id ${call.operationId}`;
  }
}
