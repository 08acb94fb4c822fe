import { describe, expect, it } from '@jest/globals';
import { BOOT_DISK_GIB, demandOf, type IaasSpec } from '../domain/iaas-spec.js';

// The demand placement fits into a data centre and holds there (domain/iaas-spec.ts).
const sizes = new Map([
  ['m1.small', { vcpu: 1, memoryGib: 2 }],
  ['m1.large', { vcpu: 8, memoryGib: 32 }],
]);
const spec = (overrides: Partial<IaasSpec> = {}): IaasSpec => ({
  vms: [
    { size: 'm1.small', image: 'img', count: 3 },
    { size: 'm1.large', image: 'img', count: 2 },
  ],
  storageGib: 500,
  networkCidr: '10.20.0.0/16',
  hybridLink: null,
  preference: { dataCentre: null, country: null },
  ...overrides,
});

describe('the demand of a spec', () => {
  it('adds up each group of VMs by its size, with a boot disk per VM and one public address', () => {
    expect(demandOf(spec(), sizes)).toEqual({
      vcpu: 3 * 1 + 2 * 8,
      memoryGib: 3 * 2 + 2 * 32,
      storageGib: 500 + 5 * BOOT_DISK_GIB,
      publicIps: 1,
      vms: 5,
    });
  });

  it('takes one more public address for the VPN endpoint of a hybrid link', () => {
    const linked = spec({ hybridLink: { onPremisesCidr: '192.168.0.0/16', vpnGatewayAddress: '203.0.113.10' } });
    expect(demandOf(linked, sizes).publicIps).toBe(2);
  });

  it('refuses a size it does not know rather than guess', () => {
    expect(() => demandOf(spec({ vms: [{ size: 'x1.huge', image: 'img', count: 1 }] }), sizes)).toThrow(/Unknown size 'x1.huge'/);
  });
});
