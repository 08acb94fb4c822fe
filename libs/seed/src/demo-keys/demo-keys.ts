import type { Role, Scope } from '#libs/access/src/domain/caller.js';
import type { DemoWorld } from '../demo-world.js';

/** One demo key: who it acts as. The key itself is made (and kept) by the seed. */
export interface DemoKeySpec {
  /** Also the key file's name: `<name>.key`. */
  name: string;
  role: Role;
  scope: Scope;
  description: string;
}

export const PLATFORM_DEMO_KEY = 'platform-operator';

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The demo key of a tenant, by the tenant's name: `tenant-beijing-commercial-bank`. */
export const tenantKeyName = (tenantName: string): string => `tenant-${slug(tenantName)}`;

/** A platform operator, each partner's operator and each tenant of the world: every role the demo shows. */
export function demoKeySpecs(world: DemoWorld): DemoKeySpec[] {
  return [
    { name: PLATFORM_DEMO_KEY, role: 'platform-operator', scope: { kind: 'platform' }, description: 'Platform operator: everything' },
    ...world.partners.map(
      (partner): DemoKeySpec => ({
        name: `${partner.code}-operator`,
        role: 'partner-operator',
        scope: { kind: 'partner', partnerCode: partner.code },
        description: `Operator at ${partner.name}: the data centres it runs`,
      }),
    ),
    ...world.tenants.map(
      (tenant): DemoKeySpec => ({
        name: tenantKeyName(tenant.name),
        role: 'tenant',
        scope: { kind: 'tenant', tenantId: tenant.id },
        description: `Tenant ${tenant.name}: its own requests and deployments`,
      }),
    ),
  ];
}
