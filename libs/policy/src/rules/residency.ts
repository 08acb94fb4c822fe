import type { PolicySite, PolicyTenant } from '../policy-context.js';

/** Residency as the tenant and jurisdiction rules both judge and word it. */
export type StrictResidency = 'in-country' | 'in-region';

/** In-country: the site is in the tenant's home country. In-region: in its home country's region. */
export const meetsResidency = (requirement: StrictResidency, tenant: PolicyTenant, site: PolicySite): boolean =>
  requirement === 'in-country' ? site.country === tenant.homeCountry : site.regionCode === tenant.homeRegion;

/** "in-country residency in CN", "in-region residency in region europe". */
export const residencyDemanded = (requirement: StrictResidency, tenant: PolicyTenant): string =>
  requirement === 'in-country' ? `in-country residency in ${tenant.homeCountry}` : `in-region residency in region ${tenant.homeRegion}`;

/** "jp-tokyo-1 is in JP", "us-east-1 is in US, region north-america". */
export const siteWhereabouts = (requirement: StrictResidency, site: PolicySite): string =>
  requirement === 'in-country' ? `${site.code} is in ${site.country}` : `${site.code} is in ${site.country}, region ${site.regionCode}`;
