import type { SqlCondition } from './sql-condition.js';
import type { TenantReach } from './tenant-reach.js';

/**
 * The tenant-reach rule (tenant-reach.ts) as SQL over a `data_centres` row aliased `dataCentre`:
 * true for exactly the data centres `reachIncludes` allows. A data centre's region is its
 * country's jurisdiction's, read from `jurisdictions` rather than copied, so it cannot go stale.
 */
export function tenantReachCondition(reach: TenantReach, dataCentre: string): SqlCondition {
  switch (reach.kind) {
    case 'country':
      return { sql: `${dataCentre}.country = :reachCountry`, params: { reachCountry: reach.country } };
    case 'region':
      return {
        sql: `${dataCentre}.country IN (SELECT reach_j.country FROM jurisdictions reach_j WHERE reach_j.region_code = :reachRegion)`,
        params: { reachRegion: reach.regionCode },
      };
    case 'anywhere':
      return { sql: 'TRUE', params: {} };
  }
}
