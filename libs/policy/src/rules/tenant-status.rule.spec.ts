import { describe, expect, it } from '@jest/globals';
import { tenant } from '../testing/policy-fixtures.js';
import { checkTenantStatus } from './tenant-status.rule.js';

describe('tenant-status rule', () => {
  it('passes an active tenant', () => {
    expect(checkTenantStatus(tenant())).toEqual({ passed: true, reason: "Tenant 'Beijing Commercial Bank' is active." });
  });

  it('refuses a suspended tenant, and says who can lift it', () => {
    expect(checkTenantStatus(tenant({ status: 'suspended' }))).toEqual({
      passed: false,
      reason: "Tenant 'Beijing Commercial Bank' is suspended: its requests are refused until a platform operator resumes it.",
    });
  });
});
