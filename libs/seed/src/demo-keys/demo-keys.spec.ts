import { describe, expect, it } from '@jest/globals';
import { DEMO_WORLD } from '../demo-world.js';
import { demoKeySpecs, PLATFORM_DEMO_KEY } from './demo-keys.js';

describe('demo key specs', () => {
  const specs = demoKeySpecs(DEMO_WORLD);

  it('has one key for the platform, each partner and each tenant of the world', () => {
    expect(specs.filter((s) => s.role === 'platform-operator').map((s) => s.name)).toEqual([PLATFORM_DEMO_KEY]);
    expect(specs.filter((s) => s.role === 'partner-operator').map((s) => s.name)).toEqual([
      'provider-operator',
      'china-telecom-operator',
      'softbank-operator',
    ]);
    expect(specs.filter((s) => s.role === 'tenant').map((s) => s.scope)).toEqual(
      DEMO_WORLD.tenants.map((tenant) => ({ kind: 'tenant', tenantId: tenant.id })),
    );
  });

  it('gives every key a unique name that is safe as a file name', () => {
    const names = specs.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(names).toContain('tenant-northfield-nhs-foundation-trust');
  });
});
