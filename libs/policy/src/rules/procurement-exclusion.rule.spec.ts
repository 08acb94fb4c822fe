import { describe, expect, it } from '@jest/globals';
import type { ProcurementExclusionParams } from '../policy-rule.js';
import { RHEL_7, tenant, WINDOWS_2012, WINDOWS_8_1 } from '../testing/policy-fixtures.js';
import { checkProcurementExclusion } from './procurement-exclusion.rule.js';

const NO_WINDOWS_8: ProcurementExclusionParams = {
  country: 'CN',
  segments: ['government'],
  images: [{ vendor: 'Microsoft', osFamily: 'windows', versionPrefix: '8' }],
  rationale: 'Chinese government procurement excludes Windows 8',
};
const hebei = tenant({ name: 'Hebei Provincial Education Bureau', segment: 'government' });

describe('procurement-exclusion rule', () => {
  it('refuses an excluded image to a covered tenant, quoting the rationale', () => {
    expect(checkProcurementExclusion(NO_WINDOWS_8, hebei, [RHEL_7, WINDOWS_8_1])).toEqual({
      passed: false,
      reason:
        "Tenant 'Hebei Provincial Education Bureau' is a government tenant at home in CN and may not use " +
        "'Windows 8.1 Enterprise' (Microsoft windows 8.1), which matches Microsoft windows version 8: " +
        'Chinese government procurement excludes Windows 8. Choose another image.',
    });
  });

  it('passes a covered tenant whose images are all allowed, naming them', () => {
    expect(checkProcurementExclusion(NO_WINDOWS_8, hebei, [WINDOWS_2012, RHEL_7])).toEqual({
      passed: true,
      reason:
        "Tenant 'Hebei Provincial Education Bureau' is a government tenant at home in CN; " +
        "none of its images ('Windows Server 2012 R2' and 'Red Hat Enterprise Linux 7') is excluded.",
    });
  });

  it('passes a covered tenant whose request uses no image', () => {
    expect(checkProcurementExclusion(NO_WINDOWS_8, hebei, []).reason).toBe(
      "Tenant 'Hebei Provincial Education Bureau' is a government tenant at home in CN; the request uses no image.",
    );
  });

  it('does not apply to another segment of the same country', () => {
    expect(checkProcurementExclusion(NO_WINDOWS_8, tenant(), [WINDOWS_8_1])).toEqual({
      passed: true,
      reason:
        'The procurement exclusion for government tenants at home in CN does not apply: ' +
        "tenant 'Beijing Commercial Bank' is an enterprise-large tenant at home in CN.",
    });
  });

  it('does not apply to the same segment of another country', () => {
    const stateDepartment = tenant({ name: 'State Department of Transportation', homeCountry: 'US', segment: 'government' });
    expect(checkProcurementExclusion(NO_WINDOWS_8, stateDepartment, [WINDOWS_8_1]).passed).toBe(true);
  });
});
