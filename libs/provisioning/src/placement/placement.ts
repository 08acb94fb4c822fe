import { CAPACITY_POOLS, type CapacityPools, fits, freeCapacity, utilisation } from '#libs/catalogue/src/domain/capacity.js';
import type { Demand, IaasSpec } from '../domain/iaas-spec.js';

/**
 * The simplest correct placement (the sovereignty issue replaces it): a request goes to an active
 * data centre offering the service, in the tenant's home country, with room for its demand. A
 * preference is honoured when the site it names is such a site; otherwise, and when there is no
 * preference, the least utilised site wins. Every candidate's verdict is kept, so the request can
 * say why it went where it went and why the others lost.
 */

export interface CandidateSite {
  code: string;
  country: string;
  operator: string;
  status: string;
  services: readonly string[];
  capacity: CapacityPools;
  used: CapacityPools;
}

export interface PlacementInput {
  homeCountry: string;
  service: string;
  demand: Demand;
  preference: IaasSpec['preference'];
  /** The sites of the home country; others are never candidates. */
  sites: readonly CandidateSite[];
}

export interface CandidateVerdict {
  dataCentre: string;
  operator: string;
  /** Highest share in use over the four pools, 0..1, before this request. */
  utilisation: number;
  eligible: boolean;
  fits: boolean;
  preferred: boolean;
  /** Why it may not take the request; null when it may. */
  refusal: string | null;
}

export interface PlacementPlan {
  /** The sites that may take the request, best first: the order to try to hold capacity in. */
  order: string[];
  verdicts: CandidateVerdict[];
  /** Why the preference given was not honoured, if it was not. */
  preferenceNote: string | null;
  /** Why no site may take it, when `order` is empty. */
  rejection: { code: 'no-eligible-data-centre' | 'insufficient-capacity'; detail: string } | null;
}

export interface CandidateOutcome {
  dataCentre: string;
  operator: string;
  utilisation: number;
  outcome: 'chosen' | 'lost';
  reason: string;
}

/** What the request stores as its `placement`. */
export interface PlacementRecord {
  dataCentre: string | null;
  reason: string;
  preference: IaasSpec['preference'];
  candidates: CandidateOutcome[];
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

const maxShare = (site: CandidateSite): number => Math.max(...CAPACITY_POOLS.map((pool) => utilisation(site.capacity, site.used)[pool]));

function shortfall(demand: Demand, site: CandidateSite): string {
  const free = freeCapacity(site.capacity, site.used);
  return CAPACITY_POOLS.filter((pool) => demand[pool] > free[pool])
    .map((pool) => `${pool} needs ${demand[pool]}, ${Math.max(0, free[pool])} free`)
    .join('; ');
}

/** Why the site may not take the request (null if it may); an eligible site may still be full. */
function judge(input: PlacementInput, site: CandidateSite): { eligible: boolean; refusal: string | null } {
  if (site.country !== input.homeCountry) return { eligible: false, refusal: `outside the tenant's home country ${input.homeCountry}` };
  if (site.status !== 'active') return { eligible: false, refusal: `not active (${site.status})` };
  if (!site.services.includes(input.service)) return { eligible: false, refusal: `does not offer ${input.service}` };
  if (!fits(input.demand, freeCapacity(site.capacity, site.used))) {
    return { eligible: true, refusal: `too little free capacity: ${shortfall(input.demand, site)}` };
  }
  return { eligible: true, refusal: null };
}

const isPreferred = (preference: IaasSpec['preference'], site: CandidateSite): boolean =>
  preference.dataCentre !== null ? site.code === preference.dataCentre : preference.country !== null && site.country === preference.country;

export function planPlacement(input: PlacementInput): PlacementPlan {
  const verdicts = [...input.sites]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((site): CandidateVerdict => {
      const { eligible, refusal } = judge(input, site);
      return {
        dataCentre: site.code,
        operator: site.operator,
        utilisation: Math.round(maxShare(site) * 10_000) / 10_000,
        eligible,
        fits: refusal === null,
        preferred: isPreferred(input.preference, site),
        refusal,
      };
    });
  const usable = verdicts.filter((v) => v.fits);
  // Preferred first, then the least utilised; the code breaks ties so the order is stable.
  const order = [...usable]
    .sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.utilisation - b.utilisation || a.dataCentre.localeCompare(b.dataCentre))
    .map((v) => v.dataCentre);
  return { order, verdicts, preferenceNote: preferenceNote(input, verdicts), rejection: rejectionOf(input, verdicts) };
}

function preferenceNote(input: PlacementInput, verdicts: CandidateVerdict[]): string | null {
  const { dataCentre, country } = input.preference;
  if (dataCentre !== null) {
    const named = verdicts.find((v) => v.dataCentre === dataCentre);
    // An unknown code and a site abroad get the same words: a tenant learns nothing of other countries.
    if (!named) return `the preferred data centre '${dataCentre}' is not one in ${input.homeCountry}, the tenant's home country`;
    return named.refusal === null ? null : `the preferred data centre '${dataCentre}' is ${named.refusal}`;
  }
  if (country !== null) {
    if (country !== input.homeCountry) return `the preferred country ${country} is not ${input.homeCountry}, the tenant's home country`;
    return verdicts.some((v) => v.preferred && v.fits) ? null : `no data centre in ${country} may take the request`;
  }
  return null;
}

function rejectionOf(input: PlacementInput, verdicts: CandidateVerdict[]): PlacementPlan['rejection'] {
  if (verdicts.some((v) => v.fits)) return null;
  const where = `in ${input.homeCountry}, the tenant's home country`;
  if (!verdicts.some((v) => v.eligible)) {
    return { code: 'no-eligible-data-centre', detail: `No active data centre offering ${input.service} is ${where}.` };
  }
  const demand = CAPACITY_POOLS.map((pool) => `${input.demand[pool]} ${pool}`).join(', ');
  return {
    code: 'insufficient-capacity',
    detail: `No data centre ${where} has room for the request (${demand}): ${verdicts
      .filter((v) => v.eligible)
      .map((v) => `${v.dataCentre}: ${v.refusal}`)
      .join('. ')}.`,
  };
}

/**
 * The placement as stored: the site that held the capacity (null if none could), and for every
 * candidate why it won or lost. `takenConcurrently` are the sites whose capacity another request
 * held between reading and holding.
 */
export function placementRecord(
  input: Pick<PlacementInput, 'preference'>,
  plan: PlacementPlan,
  chosen: string | null,
  takenConcurrently: readonly string[] = [],
): PlacementRecord {
  const winner = plan.verdicts.find((v) => v.dataCentre === chosen) ?? null;
  const candidates = plan.verdicts.map((v): CandidateOutcome => {
    const base = { dataCentre: v.dataCentre, operator: v.operator, utilisation: v.utilisation };
    if (v === winner) return { ...base, outcome: 'chosen', reason: winnerReason(v, plan) };
    return { ...base, outcome: 'lost', reason: loserReason(v, winner, takenConcurrently) };
  });
  let reason: string;
  if (winner) {
    reason = `${chosen}: ${winnerReason(winner, plan)}`;
  } else if (takenConcurrently.length > 0) {
    reason = `Every site with room had its capacity taken by concurrent requests (${takenConcurrently.join(', ')}).`;
  } else {
    reason = plan.rejection?.detail ?? 'No site may take the request.';
  }
  return { dataCentre: winner?.dataCentre ?? null, reason, preference: input.preference, candidates };
}

function winnerReason(winner: CandidateVerdict, plan: PlacementPlan): string {
  const why = winner.preferred
    ? `preferred by the request, and active, offering the service, in the home country, with room (utilisation ${percent(winner.utilisation)})`
    : `the least utilised eligible site with room (utilisation ${percent(winner.utilisation)})`;
  return plan.preferenceNote ? `${why}; the preference was not honoured: ${plan.preferenceNote}` : why;
}

function loserReason(v: CandidateVerdict, winner: CandidateVerdict | null, takenConcurrently: readonly string[]): string {
  if (v.refusal !== null) return v.refusal.charAt(0).toUpperCase() + v.refusal.slice(1);
  if (takenConcurrently.includes(v.dataCentre)) return 'Had room when read, but a concurrent request took the capacity first';
  if (winner === null) return 'Not tried';
  if (winner.preferred && !v.preferred) return `Not preferred; ${winner.dataCentre} was`;
  if (v.utilisation === winner.utilisation) return `As utilised as ${winner.dataCentre} (${percent(v.utilisation)}), which comes first by code`;
  return `More utilised (${percent(v.utilisation)}) than ${winner.dataCentre} (${percent(winner.utilisation)})`;
}
