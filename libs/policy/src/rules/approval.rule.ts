import type { PolicyDemand, PolicyTenant } from '../policy-context.js';
import type { ApprovalParams } from '../policy-rule.js';
import { amountOf, asSentence, listing, tenantLabel, withArticle } from '../wording.js';
import type { Verdict } from './verdict.js';

const THRESHOLDS = [
  ['minVcpu', 'vcpu'],
  ['minMemoryGib', 'memoryGib'],
  ['minStorageGib', 'storageGib'],
  ['minVms', 'vms'],
] as const;

/**
 * Approval is not compliance: `passed: false` here means "a person must approve first", and never
 * refuses the request by itself.
 */
export function checkApproval(params: ApprovalParams, tenant: PolicyTenant, demand: PolicyDemand): Verdict {
  const triggered: string[] = [];
  const clear: string[] = [];
  if (params.segments !== undefined) {
    const listed = params.segments.includes(tenant.segment);
    (listed ? triggered : clear).push(
      `${tenantLabel(tenant)} is ${withArticle(tenant.segment)} tenant${listed ? '' : `, not ${listing(params.segments, 'or')}`}`,
    );
  }
  for (const [threshold, pool] of THRESHOLDS) {
    const minimum = params[threshold];
    if (minimum === undefined) continue;
    const asked = `the request's ${amountOf(pool, demand[pool])}`;
    if (demand[pool] >= minimum) triggered.push(`${asked} reaches the threshold of ${minimum}`);
    else clear.push(`${asked} is under the threshold of ${minimum}`);
  }
  return triggered.length > 0
    ? { passed: false, reason: `Needs approval: ${listing(triggered)}. ${asSentence(params.reason)}` }
    : { passed: true, reason: `No approval needed: ${listing(clear)}.` };
}
