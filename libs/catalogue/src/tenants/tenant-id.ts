import { isUUID } from 'class-validator';
import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { TenantRepository } from '../domain/catalogue.repositories.js';
import type { Tenant } from '../domain/tenant.js';

/**
 * Tenant ids are uuids; PostgreSQL refuses a malformed one with an error, so anything that is not
 * uuid-shaped is answered like an unknown id before it reaches SQL. 'loose' accepts every
 * hex-shaped uuid PostgreSQL stores, whatever its version bits.
 */
export const isTenantId = (id: string): boolean => isUUID(id, 'loose');

export async function loadTenant(tenants: TenantRepository, id: string): Promise<Tenant> {
  const tenant = isTenantId(id) ? await tenants.find(id) : null;
  if (!tenant) throw new NotFoundError('tenant', id);
  return tenant;
}
