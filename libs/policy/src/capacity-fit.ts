import { CAPACITY_POOLS, type CapacityPools, freeCapacity } from '#libs/catalogue/src/domain/capacity.js';
import type { PolicySite } from './policy-context.js';
import { amountOf } from './wording.js';

type SiteCapacity = Pick<PolicySite, 'capacity' | 'used'>;

/** "needs 8 vCPU, 4 free", one for each pool the site cannot cover; empty when it has room. */
export function capacityShortfalls(demand: CapacityPools, site: SiteCapacity): string[] {
  const free = freeCapacity(site.capacity, site.used);
  return CAPACITY_POOLS.filter((pool) => demand[pool] > free[pool]).map(
    (pool) => `needs ${amountOf(pool, demand[pool])}, ${Math.max(0, free[pool])} free`,
  );
}

/**
 * The share of the fullest pool once this request is placed, 0..1 (above 1 for a site without
 * room), rounded to 4 places: the spread weigher's measure. Judging after placing, not before,
 * keeps a big request off a small site that merely looks emptier. Pools a site does not sell
 * (total 0) are left out.
 */
export function utilisationAfter(demand: CapacityPools, site: SiteCapacity): number {
  const shares = CAPACITY_POOLS.filter((pool) => site.capacity[pool] > 0).map(
    (pool) => (site.used[pool] + demand[pool]) / site.capacity[pool],
  );
  return Math.round(Math.max(0, ...shares) * 10_000) / 10_000;
}
