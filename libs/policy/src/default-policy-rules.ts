import type { PolicyRule } from './policy-rule.js';

/**
 * The rules a fresh installation starts with, installed by migration Policy1764777600000. Ids are
 * fixed so every database agrees on them, and decisions recorded against them stay traceable
 * across environments. Editing this list changes new databases only: change running ones through
 * the API, or with a new migration.
 */
export const DEFAULT_POLICY_RULES: readonly PolicyRule[] = [
  {
    id: 'feb13d00-d799-40d2-8cbf-8ded682f9b31',
    version: 1,
    kind: 'tenant-status',
    name: 'Suspended tenants get nothing new',
    description: "A suspended tenant's requests are refused until a platform operator resumes the tenant.",
    enabled: true,
    params: {},
  },
  {
    id: 'cf18e060-7826-4163-9324-aef7bf299626',
    version: 1,
    kind: 'tenant-residency',
    name: "The tenant's residency requirement",
    description: "Data stays in the tenant's home country (in-country) or its home region (in-region), as the tenant requires.",
    enabled: true,
    params: {},
  },
  {
    id: 'a05a2a37-cd97-4487-8811-b8539f175ea7',
    version: 1,
    kind: 'jurisdiction-residency',
    name: 'China: in-country, partner-operated only',
    description:
      'Chinese tenants keep their data in China, and foreign companies may not run data centres there: ' +
      'every Chinese site must be operated by a licensed Chinese partner.',
    enabled: true,
    params: { country: 'CN', residency: 'in-country', partnerOperatedOnly: true },
  },
  {
    id: 'c36405e9-5738-45af-afeb-d1dec8fba30d',
    version: 1,
    kind: 'procurement-exclusion',
    name: 'China: no Windows 8 for government',
    description: 'Chinese government procurement excludes Windows 8.',
    enabled: true,
    params: {
      country: 'CN',
      segments: ['government'],
      images: [{ vendor: 'Microsoft', osFamily: 'windows', versionPrefix: '8' }],
      rationale: 'Chinese government procurement excludes Windows 8',
    },
  },
  {
    id: '20c2218b-0952-4856-8791-ed982dc36c7c',
    version: 1,
    kind: 'service-availability',
    name: 'The data centre offers the service',
    description: 'A request goes only to a data centre that offers its service (iaas, draas, daas).',
    enabled: true,
    params: {},
  },
  {
    id: '010e143a-3362-4b59-bad9-72036169598f',
    version: 1,
    kind: 'data-centre-status',
    name: 'The data centre is open',
    description: 'Active sites take work; planned ones from their available-from day; sites in maintenance or offline take none.',
    enabled: true,
    params: {},
  },
  {
    id: '5687e420-1894-40ee-95b4-d7b586cbed57',
    version: 1,
    kind: 'quota',
    name: "Within the tenant's quota",
    description: "The request's vCPU, memory, storage and VMs fit in the tenant's quotas, less its live reservations.",
    enabled: true,
    params: {},
  },
  {
    id: '663f0f45-9a4c-4f7d-adcf-94c6e905594d',
    version: 1,
    kind: 'approval',
    name: 'Government requests need approval',
    description: "Every request of a government tenant waits for an operator's approval.",
    enabled: true,
    params: { segments: ['government'], reason: 'Government workloads are reviewed by an operator before provisioning.' },
  },
  {
    id: '4eaed023-de6f-4abb-81a8-f0ff191abd3d',
    version: 1,
    kind: 'approval',
    name: 'Large requests need approval',
    description: "A request of 64 vCPU or more, or of 20 VMs or more, waits for an operator's approval.",
    enabled: true,
    params: { minVcpu: 64, minVms: 20, reason: 'Large requests take a big share of a site; an operator confirms them first.' },
  },
];
