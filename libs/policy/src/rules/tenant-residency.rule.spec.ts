import { describe, expect, it } from '@jest/globals';
import { site, tenant, tokyo, usEast } from '../testing/policy-fixtures.js';
import { checkTenantResidency } from './tenant-residency.rule.js';

const thamesValley = tenant({ name: 'Thames Valley Building Society', homeCountry: 'GB', homeRegion: 'europe', residency: 'in-region' });
const frankfurt = site('de-frankfurt-1', { country: 'DE', regionCode: 'europe', ownership: 'owned', operator: 'provider' });

describe('tenant-residency rule', () => {
  it('passes an in-country tenant at a site in its home country', () => {
    expect(checkTenantResidency(tenant(), site('cn-beijing-1'))).toEqual({
      passed: true,
      reason: "Tenant 'Beijing Commercial Bank' requires in-country residency in CN; cn-beijing-1 is in CN.",
    });
  });

  it('refuses an in-country tenant at a site abroad, naming both countries', () => {
    expect(checkTenantResidency(tenant(), tokyo())).toEqual({
      passed: false,
      reason: "Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP.",
    });
  });

  it('passes an in-region tenant at a site in another country of its region', () => {
    expect(checkTenantResidency(thamesValley, frankfurt)).toEqual({
      passed: true,
      reason: "Tenant 'Thames Valley Building Society' requires in-region residency in region europe; de-frankfurt-1 is in DE, region europe.",
    });
  });

  it('refuses an in-region tenant at a site in another region, naming both regions', () => {
    expect(checkTenantResidency(thamesValley, usEast())).toEqual({
      passed: false,
      reason:
        "Tenant 'Thames Valley Building Society' requires in-region residency in region europe; us-east-1 is in US, region north-america.",
    });
  });

  it('passes anywhere for a tenant without a requirement, and says so', () => {
    expect(checkTenantResidency(tenant({ residency: 'none' }), usEast())).toEqual({
      passed: true,
      reason: "Tenant 'Beijing Commercial Bank' has no residency requirement of its own; us-east-1 in US may hold its data.",
    });
  });
});
