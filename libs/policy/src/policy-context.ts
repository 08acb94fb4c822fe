import type { CapacityPools } from '#libs/catalogue/src/domain/capacity.js';
import type { TenantQuotas } from '#libs/catalogue/src/domain/tenant.js';
import type {
  DataCentreStatus,
  OsFamily,
  Ownership,
  ResidencyRequirement,
  Service,
  TenantSegment,
  TenantStatus,
} from '#libs/catalogue/src/domain/vocabulary.js';

/**
 * What the engine decides on: plain snapshots the caller reads from storage. The engine does no
 * I/O, so the same inputs always give the same decision.
 */
export interface PolicyTenant {
  id: string;
  name: string;
  homeCountry: string;
  /** The region of the home country's jurisdiction: what "in-region" residency means for this tenant. */
  homeRegion: string;
  segment: TenantSegment;
  /** The tenant's own requirement; a jurisdiction rule may make it stricter. */
  residency: ResidencyRequirement;
  status: TenantStatus;
  quotas: TenantQuotas;
  /** Counted from the tenant's live reservations (held and committed). */
  inUse: TenantQuotas;
}

export interface PolicyImage {
  id: string;
  name: string;
  osFamily: OsFamily;
  vendor: string;
  version: string;
}

/** The request's demand on site capacity (the four pools) and on the tenant's VM quota. */
export type PolicyDemand = CapacityPools & { vms: number };

export interface PolicyRequest {
  service: Service;
  /** Every distinct image the request's VMs boot from. */
  images: PolicyImage[];
  demand: PolicyDemand;
}

export interface PolicySite {
  code: string;
  name: string;
  country: string;
  /** The region of the site's country's jurisdiction. */
  regionCode: string;
  ownership: Ownership;
  /** Code of the partner operating the site. */
  operator: string;
  services: readonly Service[];
  status: DataCentreStatus;
  /** YYYY-MM-DD, for planned sites: the first day (UTC) the site takes work. */
  availableFrom: string | null;
  capacity: CapacityPools;
  used: CapacityPools;
}

export interface PolicyInput {
  tenant: PolicyTenant;
  request: PolicyRequest;
  /** Every site the request could go to; the engine, not the caller, decides which comply. */
  sites: readonly PolicySite[];
  now: Date;
}
