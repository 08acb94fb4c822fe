import { describe, expect, it } from '@jest/globals';
import { demand, tenant } from '../testing/policy-fixtures.js';
import { checkQuota } from './quota.rule.js';

const quotas = { vcpu: 16, memoryGib: 64, storageGib: 1000, vms: 50 };

describe('quota rule', () => {
  it('passes a request within every quota, with the numbers', () => {
    const within = tenant({ quotas, inUse: { vcpu: 8, memoryGib: 16, storageGib: 400, vms: 10 } });
    expect(checkQuota(within, demand({ vcpu: 8, memoryGib: 16, storageGib: 200, vms: 4 }))).toEqual({
      passed: true,
      reason:
        "Tenant 'Beijing Commercial Bank' is within quota: needs 8 vCPU, 8 of 16 free; needs 16 GiB memory, 48 of 64 free; " +
        'needs 200 GiB storage, 600 of 1000 free; needs 4 VMs, 40 of 50 free.',
    });
  });

  it('refuses a request over any quota, naming only the short ones with their numbers', () => {
    const busy = tenant({ quotas, inUse: { vcpu: 12, memoryGib: 0, storageGib: 0, vms: 48 } });
    expect(checkQuota(busy, demand({ vcpu: 8, vms: 5 }))).toEqual({
      passed: false,
      reason:
        "Tenant 'Beijing Commercial Bank' is over quota: needs 8 vCPU, 4 of 16 free; needs 5 VMs, 2 of 50 free. " +
        'Release resources or ask a platform operator to raise the quota.',
    });
  });

  it('lets a request take exactly what is free', () => {
    const busy = tenant({ quotas, inUse: { vcpu: 8, memoryGib: 48, storageGib: 800, vms: 46 } });
    expect(checkQuota(busy, demand({ vcpu: 8, memoryGib: 16, storageGib: 200, vms: 4 })).passed).toBe(true);
  });

  it('counts nothing as free when a quota was lowered under what is in use', () => {
    const shrunk = tenant({ quotas, inUse: { vcpu: 20, memoryGib: 0, storageGib: 0, vms: 0 } });
    expect(checkQuota(shrunk, demand({ vcpu: 1 })).reason).toContain('needs 1 vCPU, 0 of 16 free.');
  });
});
