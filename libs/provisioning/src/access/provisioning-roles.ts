import type { Role } from '#libs/access/src/domain/caller.js';

/**
 * Who may act on provisioning: the platform for any tenant, a tenant for itself. A partner's
 * operator reads the requests placed in its data centres but does not submit or stop them.
 */
export const PLATFORM_AND_TENANT: readonly Role[] = ['platform-operator', 'tenant'];

/**
 * Who decides approvals: the platform, or an operator of the partner running the chosen data
 * centre (the object visibility hides other partners' requests as missing). Never the tenant.
 */
export const APPROVERS: readonly Role[] = ['platform-operator', 'partner-operator'];
