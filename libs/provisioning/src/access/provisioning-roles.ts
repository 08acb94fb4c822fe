import type { Role } from '#libs/access/src/domain/caller.js';

/**
 * Who may act on provisioning: the platform for any tenant, a tenant for itself. A partner's
 * operator reads the requests placed in its data centres but does not submit or stop them.
 */
export const PLATFORM_AND_TENANT: readonly Role[] = ['platform-operator', 'tenant'];
