import type { PolicySite, PolicyTenant } from '../policy-context.js';
import { capitalise, tenantLabel } from '../wording.js';
import { meetsResidency, residencyDemanded, siteWhereabouts } from './residency.js';
import type { Verdict } from './verdict.js';

/** The tenant's own residency requirement against where the site is. */
export function checkTenantResidency(tenant: PolicyTenant, site: PolicySite): Verdict {
  const who = capitalise(tenantLabel(tenant));
  if (tenant.residency === 'none') {
    return { passed: true, reason: `${who} has no residency requirement of its own; ${site.code} in ${site.country} may hold its data.` };
  }
  return {
    passed: meetsResidency(tenant.residency, tenant, site),
    reason: `${who} requires ${residencyDemanded(tenant.residency, tenant)}; ${siteWhereabouts(tenant.residency, site)}.`,
  };
}
