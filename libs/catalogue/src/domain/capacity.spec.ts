import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import {
  addCapacity,
  assertCapacityCovers,
  type CapacityPools,
  fits,
  freeCapacity,
  NO_CAPACITY,
  subtractCapacity,
  utilisation,
} from './capacity.js';

const pools = (vcpu: number, memoryGib: number, storageGib: number, publicIps: number): CapacityPools => ({
  vcpu,
  memoryGib,
  storageGib,
  publicIps,
});

const arbitraryPools = (max = 10_000_000) =>
  fc.record({
    vcpu: fc.integer({ min: 0, max }),
    memoryGib: fc.integer({ min: 0, max }),
    storageGib: fc.integer({ min: 0, max }),
    publicIps: fc.integer({ min: 0, max }),
  });

describe('capacity arithmetic', () => {
  it('free is total minus used, pool by pool', () => {
    expect(freeCapacity(pools(100, 400, 1000, 16), pools(30, 100, 0, 16))).toEqual(pools(70, 300, 1000, 0));
  });

  it('adds and subtracts pool by pool, and subtracting undoes adding', () => {
    const a = pools(1, 2, 3, 4);
    const b = pools(10, 20, 30, 40);
    expect(addCapacity(a, b)).toEqual(pools(11, 22, 33, 44));
    expect(subtractCapacity(b, a)).toEqual(pools(9, 18, 27, 36));
    fc.assert(fc.property(arbitraryPools(), arbitraryPools(), (x, y) => expect(subtractCapacity(addCapacity(x, y), y)).toEqual(x)));
  });

  it('utilisation is the share in use, rounded to 4 places', () => {
    expect(utilisation(pools(3, 4, 1000, 8), pools(1, 4, 0, 2))).toEqual(pools(0.3333, 1, 0, 0.25));
  });

  it('utilisation of an empty pool is 0, not NaN', () => {
    expect(utilisation(NO_CAPACITY, NO_CAPACITY)).toEqual(NO_CAPACITY);
  });

  it('utilisation stays within 0..1 whenever use is within the total', () => {
    fc.assert(
      fc.property(arbitraryPools(), fc.double({ min: 0, max: 1, noNaN: true }), (total, share) => {
        const used = pools(
          Math.floor(total.vcpu * share),
          Math.floor(total.memoryGib * share),
          Math.floor(total.storageGib * share),
          Math.floor(total.publicIps * share),
        );
        for (const value of Object.values(utilisation(total, used))) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('fits', () => {
  const free = pools(10, 40, 100, 2);

  it.each([
    ['nothing', NO_CAPACITY, true],
    ['exactly what is free', free, true],
    ['less than free in every pool', pools(9, 39, 99, 1), true],
    ['one vCPU too many', pools(11, 0, 0, 0), false],
    ['one GiB of memory too many', pools(0, 41, 0, 0), false],
    ['one GiB of storage too many', pools(0, 0, 101, 0), false],
    ['one public IP too many', pools(0, 0, 0, 3), false],
  ])('a demand of %s: %s', (_label, demand, expected) => {
    expect(fits(demand, free)).toBe(expected);
  });

  it('whatever fits leaves no pool negative', () => {
    fc.assert(
      fc.property(arbitraryPools(1000), arbitraryPools(1000), (demand, available) => {
        const remaining = subtractCapacity(available, demand);
        expect(fits(demand, available)).toBe(Object.values(remaining).every((value) => value >= 0));
      }),
    );
  });
});

describe('assertCapacityCovers', () => {
  const used = pools(50, 200, 1000, 4);

  it('accepts totals at or above what is in use', () => {
    expect(() => assertCapacityCovers(used, used, 'cn-beijing-1')).not.toThrow();
    expect(() => assertCapacityCovers(pools(60, 200, 5000, 4), used, 'cn-beijing-1')).not.toThrow();
  });

  it('refuses a shrink below use, naming every short pool and what is in use', () => {
    try {
      assertCapacityCovers(pools(40, 200, 999, 4), used, 'cn-beijing-1');
      throw new Error('expected a RuleViolationError');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolationError);
      const violation = error as RuleViolationError;
      expect(violation.code).toBe('capacity-below-utilisation');
      expect(violation.extensions).toEqual({ pools: ['vcpu', 'storageGib'] });
      expect(violation.detail).toBe(
        "Data centre 'cn-beijing-1' cannot shrink vcpu to 40 (in use: 50), storageGib to 999 (in use: 1000); " +
          'release the workloads first.',
      );
    }
  });
});
