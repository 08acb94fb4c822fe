import { RuleViolationError } from '#libs/core/src/domain/domain-error.js';

/** The four pools a data centre sells from. */
export interface CapacityPools {
  vcpu: number;
  memoryGib: number;
  storageGib: number;
  publicIps: number;
}

export const CAPACITY_POOLS = ['vcpu', 'memoryGib', 'storageGib', 'publicIps'] as const satisfies readonly (keyof CapacityPools)[];
export type CapacityPool = (typeof CAPACITY_POOLS)[number];

export const NO_CAPACITY: CapacityPools = { vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 0 };

const mapPools = (fn: (pool: CapacityPool) => number): CapacityPools => ({
  vcpu: fn('vcpu'),
  memoryGib: fn('memoryGib'),
  storageGib: fn('storageGib'),
  publicIps: fn('publicIps'),
});

export const freeCapacity = (total: CapacityPools, used: CapacityPools): CapacityPools =>
  mapPools((pool) => total[pool] - used[pool]);

/** Share of each pool in use, 0..1, rounded to 4 places for display. */
export const utilisation = (total: CapacityPools, used: CapacityPools): CapacityPools =>
  mapPools((pool) => (total[pool] === 0 ? 0 : Math.round((used[pool] / total[pool]) * 10_000) / 10_000));

export const fits = (demand: CapacityPools, free: CapacityPools): boolean =>
  CAPACITY_POOLS.every((pool) => demand[pool] <= free[pool]);

export const addCapacity = (a: CapacityPools, b: CapacityPools): CapacityPools => mapPools((pool) => a[pool] + b[pool]);

export const subtractCapacity = (a: CapacityPools, b: CapacityPools): CapacityPools =>
  mapPools((pool) => a[pool] - b[pool]);

/** New totals may not fall under what is already in use: that would strand running workloads. */
export function assertCapacityCovers(total: CapacityPools, used: CapacityPools, dataCentreCode: string): void {
  const short = CAPACITY_POOLS.filter((pool) => total[pool] < used[pool]);
  if (short.length > 0) {
    throw new RuleViolationError(
      'capacity-below-utilisation',
      `Data centre '${dataCentreCode}' cannot shrink ${short
        .map((pool) => `${pool} to ${total[pool]} (in use: ${used[pool]})`)
        .join(', ')}; release the workloads first.`,
      { pools: short },
    );
  }
}
