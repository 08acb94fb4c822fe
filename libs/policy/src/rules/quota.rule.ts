import type { PolicyDemand, PolicyTenant } from '../policy-context.js';
import { amountOf, capitalise, tenantLabel } from '../wording.js';
import type { Verdict } from './verdict.js';

const QUOTA_POOLS = ['vcpu', 'memoryGib', 'storageGib', 'vms'] as const;

/** The tenant's quotas, less what its live reservations hold, must cover the request. */
export function checkQuota(tenant: PolicyTenant, demand: PolicyDemand): Verdict {
  const pools = QUOTA_POOLS.map((pool) => {
    // Free may be negative when a quota was lowered under what is in use: none is free then.
    const free = Math.max(0, tenant.quotas[pool] - tenant.inUse[pool]);
    return { short: demand[pool] > free, words: `needs ${amountOf(pool, demand[pool])}, ${free} of ${tenant.quotas[pool]} free` };
  });
  const who = capitalise(tenantLabel(tenant));
  const short = pools.filter((pool) => pool.short);
  if (short.length > 0) {
    return {
      passed: false,
      reason: `${who} is over quota: ${short.map((pool) => pool.words).join('; ')}. Release resources or ask a platform operator to raise the quota.`,
    };
  }
  return { passed: true, reason: `${who} is within quota: ${pools.map((pool) => pool.words).join('; ')}.` };
}
