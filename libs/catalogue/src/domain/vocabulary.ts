/** The closed vocabularies of the catalogue; API, persistence and seed all use these lists. */
export const RESIDENCY_REQUIREMENTS = ['in-country', 'in-region', 'none'] as const;
export type ResidencyRequirement = (typeof RESIDENCY_REQUIREMENTS)[number];

export const SERVICES = ['iaas', 'draas', 'daas'] as const;
export type Service = (typeof SERVICES)[number];

export const OWNERSHIPS = ['owned', 'partner-operated'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const PARTNER_KINDS = ['provider', 'local-partner'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const DATA_CENTRE_STATUSES = ['planned', 'active', 'maintenance', 'offline'] as const;
export type DataCentreStatus = (typeof DATA_CENTRE_STATUSES)[number];

export const TENANT_SEGMENTS = ['enterprise-large', 'enterprise-medium', 'government'] as const;
export type TenantSegment = (typeof TENANT_SEGMENTS)[number];

export const TENANT_SECTORS = [
  'financial',
  'energy',
  'transportation',
  'insurance',
  'healthcare',
  'education',
  'other',
] as const;
export type TenantSector = (typeof TENANT_SECTORS)[number];

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const OS_FAMILIES = ['windows', 'linux'] as const;
export type OsFamily = (typeof OS_FAMILIES)[number];

/** ISO 3166-1 alpha-2, upper case. */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
/** Lower-case slug used for codes (data centres, partners, regions, sizes). */
export const CODE_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
