import { describe, expect, it } from '@jest/globals';
import type { ApprovalParams } from '../policy-rule.js';
import { demand, tenant } from '../testing/policy-fixtures.js';
import { checkApproval } from './approval.rule.js';

const GOVERNMENT: ApprovalParams = { segments: ['government'], reason: 'Government workloads are reviewed by an operator' };
const LARGE: ApprovalParams = { minVcpu: 64, minVms: 20, reason: 'Large requests take a big share of a site.' };
const hebei = tenant({ name: 'Hebei Provincial Education Bureau', segment: 'government' });

describe('approval rule', () => {
  it("asks for approval when the tenant's segment is listed, with the rule's reason", () => {
    expect(checkApproval(GOVERNMENT, hebei, demand())).toEqual({
      passed: false,
      reason: "Needs approval: tenant 'Hebei Provincial Education Bureau' is a government tenant. Government workloads are reviewed by an operator.",
    });
  });

  it('needs no approval for another segment, and says why', () => {
    expect(checkApproval(GOVERNMENT, tenant(), demand())).toEqual({
      passed: true,
      reason: "No approval needed: tenant 'Beijing Commercial Bank' is an enterprise-large tenant, not government.",
    });
  });

  it('asks for approval when the demand reaches a threshold, naming each one reached', () => {
    expect(checkApproval(LARGE, tenant(), demand({ vcpu: 64, vms: 20 }))).toEqual({
      passed: false,
      reason:
        "Needs approval: the request's 64 vCPU reaches the threshold of 64 and the request's 20 VMs reaches the threshold of 20. " +
        'Large requests take a big share of a site.',
    });
    expect(checkApproval(LARGE, tenant(), demand({ vcpu: 8, vms: 25 })).passed).toBe(false);
  });

  it('needs no approval under every threshold, and gives the numbers', () => {
    expect(checkApproval(LARGE, tenant(), demand({ vcpu: 63, vms: 4 }))).toEqual({
      passed: true,
      reason: "No approval needed: the request's 63 vCPU is under the threshold of 64 and the request's 4 VMs is under the threshold of 20.",
    });
  });

  it('checks memory and storage thresholds too', () => {
    const big = { minMemoryGib: 512, minStorageGib: 10_000, reason: 'Big.' };
    expect(checkApproval(big, tenant(), demand({ memoryGib: 512 })).passed).toBe(false);
    expect(checkApproval(big, tenant(), demand({ storageGib: 10_000 })).passed).toBe(false);
    expect(checkApproval(big, tenant(), demand()).reason).toBe(
      "No approval needed: the request's 16 GiB memory is under the threshold of 512 and the request's 200 GiB storage is under the threshold of 10000.",
    );
  });
});
