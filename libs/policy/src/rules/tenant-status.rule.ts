import type { PolicyTenant } from '../policy-context.js';
import { capitalise, tenantLabel } from '../wording.js';
import { fails, passes, type Verdict } from './verdict.js';

/** A suspended tenant gets nothing new, wherever it would go. */
export function checkTenantStatus(tenant: PolicyTenant): Verdict {
  const who = capitalise(tenantLabel(tenant));
  return tenant.status === 'active'
    ? passes(`${who} is active.`)
    : fails(`${who} is ${tenant.status}: its requests are refused until a platform operator resumes it.`);
}
