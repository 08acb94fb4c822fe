import type { PolicyDemand, PolicyImage, PolicyInput, PolicyRequest, PolicySite, PolicyTenant } from '../policy-context.js';
import type { PolicyRule, PolicyRuleKind, PolicyRuleParamsByKind } from '../policy-rule.js';

/** Builders for the specs: a small slice of the demo world, each overridable. No test framework in here. */

export const NOW = new Date('2026-06-01T09:30:00Z');

const NOTHING = { vcpu: 0, memoryGib: 0, storageGib: 0, vms: 0 };

export const tenant = (overrides: Partial<PolicyTenant> = {}): PolicyTenant => ({
  id: '0b7e5c2a-1f3d-4e5a-9b6c-7d8e9f0a1b2c',
  name: 'Beijing Commercial Bank',
  homeCountry: 'CN',
  homeRegion: 'east-asia',
  segment: 'enterprise-large',
  residency: 'in-country',
  status: 'active',
  quotas: { vcpu: 512, memoryGib: 2048, storageGib: 100_000, vms: 200 },
  inUse: NOTHING,
  ...overrides,
});

export const site = (code: string, overrides: Partial<PolicySite> = {}): PolicySite => ({
  code,
  name: code,
  country: 'CN',
  regionCode: 'east-asia',
  ownership: 'partner-operated',
  operator: 'china-telecom',
  services: ['iaas'],
  status: 'active',
  availableFrom: null,
  capacity: { vcpu: 100, memoryGib: 400, storageGib: 10_000, publicIps: 10 },
  used: { vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 0 },
  ...overrides,
});

export const tokyo = (overrides: Partial<PolicySite> = {}): PolicySite =>
  site('jp-tokyo-1', { country: 'JP', operator: 'softbank', ...overrides });

export const usEast = (overrides: Partial<PolicySite> = {}): PolicySite =>
  site('us-east-1', { country: 'US', regionCode: 'north-america', ownership: 'owned', operator: 'provider', ...overrides });

export const WINDOWS_8_1: PolicyImage = { id: 'img-w81', name: 'Windows 8.1 Enterprise', osFamily: 'windows', vendor: 'Microsoft', version: '8.1' };
export const WINDOWS_2012: PolicyImage = { id: 'img-w2012', name: 'Windows Server 2012 R2', osFamily: 'windows', vendor: 'Microsoft', version: '2012 R2' };
export const RHEL_7: PolicyImage = { id: 'img-rhel7', name: 'Red Hat Enterprise Linux 7', osFamily: 'linux', vendor: 'Red Hat', version: '7.0' };

export const demand = (overrides: Partial<PolicyDemand> = {}): PolicyDemand => ({
  vcpu: 8,
  memoryGib: 16,
  storageGib: 200,
  publicIps: 1,
  vms: 4,
  ...overrides,
});

export const request = (overrides: Partial<PolicyRequest> = {}): PolicyRequest => ({
  service: 'iaas',
  images: [RHEL_7],
  demand: demand(),
  ...overrides,
});

export const policyInput = (overrides: Partial<PolicyInput> = {}): PolicyInput => ({
  tenant: tenant(),
  request: request(),
  sites: [site('cn-beijing-1')],
  now: NOW,
  ...overrides,
});

/** A rule of `kind` with a readable id (`<kind>-rule`) and version 1. */
export function rule<K extends PolicyRuleKind>(kind: K, params: PolicyRuleParamsByKind[K], overrides: Partial<PolicyRule> = {}): PolicyRule {
  return { id: `${kind}-rule`, version: 1, kind, name: kind, description: kind, enabled: true, params, ...overrides } as PolicyRule;
}
