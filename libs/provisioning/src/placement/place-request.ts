import type { EntityManager } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import type { Demand, IaasSpec } from '../domain/iaas-spec.js';
import { holdCapacity } from '../persistence/capacity-ledger.js';
import { type CandidateSite, type PlacementInput, type PlacementRecord, placementRecord, planPlacement } from './placement.js';

export type PlacementOutcome<T> =
  | { dataCentre: string; placement: PlacementRecord; rejection: null; value: T }
  | { dataCentre: null; placement: PlacementRecord; rejection: { code: string; detail: string } };

interface SiteRow {
  code: string;
  country: string;
  operator: string;
  status: string;
  services: string[];
  capacity_vcpu: number;
  capacity_memory_gib: number;
  capacity_storage_gib: number;
  capacity_public_ips: number;
  used_vcpu: number;
  used_memory_gib: number;
  used_storage_gib: number;
  used_public_ips: number;
}

const toSite = (row: SiteRow): CandidateSite => ({
  code: row.code,
  country: row.country,
  operator: row.operator,
  status: row.status,
  services: row.services,
  capacity: { vcpu: row.capacity_vcpu, memoryGib: row.capacity_memory_gib, storageGib: row.capacity_storage_gib, publicIps: row.capacity_public_ips },
  used: { vcpu: row.used_vcpu, memoryGib: row.used_memory_gib, storageGib: row.used_storage_gib, publicIps: row.used_public_ips },
});

/**
 * Places the request and holds its capacity, in the caller's transaction, with `onPlaced` (what
 * placing at a site entails) written under the hold (see holdCapacity). The plan is made from
 * what was read; the hold is a conditional update that re-checks the room, so a concurrent request
 * that filled a site first makes this one try the next site rather than overbook.
 */
export async function placeAndHold<T>(
  manager: EntityManager,
  request: { id: string; tenantId: string; homeCountry: string; service: string; demand: Demand; preference: IaasSpec['preference'] },
  onPlaced: (dataCentre: string, placement: PlacementRecord) => Promise<T>,
): Promise<PlacementOutcome<T>> {
  const { rows } = await preparedQuery<SiteRow>(
    manager,
    `SELECT code, country, operator_code AS operator, status, services,
            capacity_vcpu, capacity_memory_gib, capacity_storage_gib, capacity_public_ips,
            used_vcpu, used_memory_gib, used_storage_gib, used_public_ips
       FROM data_centres WHERE country = $1 ORDER BY code`,
    [request.homeCountry],
  );
  const input: PlacementInput = {
    homeCountry: request.homeCountry,
    service: request.service,
    demand: request.demand,
    preference: request.preference,
    sites: rows.map(toSite),
  };
  const plan = planPlacement(input);
  const taken: string[] = [];
  for (const dataCentreCode of plan.order) {
    const placement = placementRecord(input, plan, dataCentreCode, taken);
    const reservation = { requestId: request.id, tenantId: request.tenantId, dataCentreCode, demand: request.demand };
    const held = await holdCapacity(manager, reservation, () => onPlaced(dataCentreCode, placement));
    if (held) return { dataCentre: dataCentreCode, placement, rejection: null, value: held.value };
    taken.push(dataCentreCode);
  }
  const placement = placementRecord(input, plan, null, taken);
  return { dataCentre: null, placement, rejection: plan.rejection ?? { code: 'insufficient-capacity', detail: placement.reason } };
}
