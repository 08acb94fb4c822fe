import type { PolicySite, PolicyTenant } from '../policy-context.js';
import type { JurisdictionResidencyParams } from '../policy-rule.js';
import { tenantLabel } from '../wording.js';
import { meetsResidency, residencyDemanded, siteWhereabouts } from './residency.js';
import { allOf, passes, type Verdict } from './verdict.js';

/**
 * A country's law, in two parts: its own tenants' data stays at least as close as the law says,
 * whatever the tenant chose; and, when the law says so, any site in the country must be run by a
 * local partner, whoever the tenant (China: foreigners may not operate data centres there).
 */
export function checkJurisdictionResidency(params: JurisdictionResidencyParams, tenant: PolicyTenant, site: PolicySite): Verdict {
  const law = `Jurisdiction ${params.country}`;
  const checks: Verdict[] = [];
  if (tenant.homeCountry === params.country) {
    checks.push({
      passed: meetsResidency(params.residency, tenant, site),
      reason:
        `${law} requires ${residencyDemanded(params.residency, tenant)} for tenants at home there, as ${tenantLabel(tenant)} is; ` +
        `${siteWhereabouts(params.residency, site)}.`,
    });
  }
  if (params.partnerOperatedOnly && site.country === params.country) {
    const partnerOperated = site.ownership === 'partner-operated';
    checks.push({
      passed: partnerOperated,
      reason: `${law} allows only partner-operated data centres; ${site.code} is ${
        partnerOperated ? `operated by partner '${site.operator}'` : `owned by the provider (operator '${site.operator}')`
      }.`,
    });
  }
  if (checks.length > 0) return allOf(checks);
  const siteToo = params.partnerOperatedOnly ? ` and ${site.code} is in ${site.country}` : '';
  return passes(`${law}'s rule does not apply: ${tenantLabel(tenant)} is at home in ${tenant.homeCountry}${siteToo}, not ${params.country}.`);
}
