import { RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import type { FieldError } from '#libs/core/src/http/problem-details.js';
import type { IaasSpec } from '../../domain/iaas-spec.js';
import { cidrContains, cidrsOverlap, formatIpv4, parseCidr, parseIpv4 } from './ipv4-cidr.js';

/**
 * The rules between a spec's networks, once each parses on its own (the request validation saw to
 * that): the tenant's cloud network must not overlap its on-premises network, or the VPN between
 * them could not route either way; and the on-premises VPN gateway cannot sit inside the cloud
 * network it is meant to reach.
 */
export function networkConflicts(spec: Pick<IaasSpec, 'networkCidr' | 'hybridLink'>): FieldError[] {
  if (spec.hybridLink === null) return [];
  const network = mustParse(spec.networkCidr);
  const onPremises = mustParse(spec.hybridLink.onPremisesCidr);
  const gateway = parseIpv4(spec.hybridLink.vpnGatewayAddress);
  const conflicts: FieldError[] = [];
  if (cidrsOverlap(network, onPremises)) {
    conflicts.push({
      field: 'spec.networkCidr',
      message: `networkCidr ${spec.networkCidr} overlaps the on-premises network ${spec.hybridLink.onPremisesCidr}: choose a range the site does not use`,
    });
  }
  if (gateway !== null && cidrContains(network, gateway)) {
    conflicts.push({
      field: 'spec.hybridLink.vpnGatewayAddress',
      message: `vpnGatewayAddress ${formatIpv4(gateway)} lies inside networkCidr ${spec.networkCidr}: give the on-premises gateway's own address`,
    });
  }
  return conflicts;
}

export function assertNoNetworkConflicts(spec: Pick<IaasSpec, 'networkCidr' | 'hybridLink'>): void {
  const conflicts = networkConflicts(spec);
  if (conflicts.length > 0) {
    throw new RuleViolationError('network-conflict', `The networks of the request conflict: ${conflicts.map((c) => c.message).join('; ')}.`, {
      errors: conflicts,
    });
  }
}

function mustParse(text: string) {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`'${text}' ${parsed.problem}: validate the request before its network rules.`);
  return parsed.cidr;
}
