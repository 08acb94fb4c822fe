import type { ResidencyRequirement } from '../domain/vocabulary.js';

/**
 * The data centres a tenant may use, as a rule on plain data. This file is the one place the
 * rule is written: the SQL condition (tenant-reach.sql.ts) and every visibility check read the
 * reach computed here, so a list, a read and a later placement cannot disagree about it.
 */

/** What the rule needs to know about a tenant: its home and how far its data may travel. */
export interface TenantHome {
  country: string;
  /** The region of the home country's jurisdiction. */
  regionCode: string;
  residency: ResidencyRequirement;
}

/** Where a data centre is, in the same terms. */
export interface SiteLocation {
  country: string;
  /** The region of the data centre's country's jurisdiction. */
  regionCode: string;
}

export type TenantReach =
  | { kind: 'country'; country: string }
  | { kind: 'region'; regionCode: string }
  | { kind: 'anywhere' };

/** in-country: the home country only; in-region: every country of the home region; none: anywhere. */
export function tenantReach(home: TenantHome): TenantReach {
  switch (home.residency) {
    case 'in-country':
      return { kind: 'country', country: home.country };
    case 'in-region':
      return { kind: 'region', regionCode: home.regionCode };
    case 'none':
      return { kind: 'anywhere' };
  }
}

export function reachIncludes(reach: TenantReach, site: SiteLocation): boolean {
  switch (reach.kind) {
    case 'country':
      return site.country === reach.country;
    case 'region':
      return site.regionCode === reach.regionCode;
    case 'anywhere':
      return true;
  }
}

/** The rule in one call: may a tenant with this home use a data centre at this site? */
export const tenantMayUse = (home: TenantHome, site: SiteLocation): boolean => reachIncludes(tenantReach(home), site);
