import { CAPACITY_POOLS } from '#libs/catalogue/src/domain/capacity.js';
import { capacityShortfalls, utilisationAfter } from './capacity-fit.js';
import { failingReasons, type PolicyDecision } from './evaluate-policy.js';
import type { PolicyDemand, PolicySite } from './policy-context.js';
import { amountOf, listing, percent } from './wording.js';

/**
 * Placement as a scheduler does it: filter, then weigh. The filters are the policy decision (a
 * site that fails any rule is never a candidate, however empty) and free capacity; the weighers
 * are the operator's preference, then spread: the site least utilised after placing this request,
 * the code breaking ties so the same world always places the same way.
 */

export interface PlacementPreference {
  dataCentre: string | null;
  country: string | null;
  /** True: only the named data centre (or a site in the named country) may take the request. */
  required?: boolean;
}

export interface PlacementInput {
  /** The sites the decision was made on, with their current use. */
  sites: readonly PolicySite[];
  demand: PolicyDemand;
  preference: PlacementPreference;
  /**
   * Breaks ties between sites equally utilised (to the percent): usually the request's id. Without
   * it the code decides, and every request submitted at the same moment picks the same site and
   * queues on its row; with it they scatter over the tied sites, each request always the same way.
   */
  tieBreaker?: string;
}

export interface PlacementCandidate {
  dataCentre: string;
  country: string;
  operator: string;
  outcome: 'eligible' | 'refused';
  /** See `utilisationAfter` in capacity-fit.ts. */
  utilisationAfter: number;
  /** It is the preferred data centre, or in the preferred country. */
  preferred: boolean;
  reason: string;
}

export interface PlacementRejection {
  code: 'policy-refused' | 'no-compliant-capacity' | 'required-placement-unavailable';
  detail: string;
}

export interface PlacementPlan {
  /** The compliant sites with room, best first: the order to try to hold capacity in. */
  order: string[];
  /** Every site the decision judged, by code. */
  candidates: PlacementCandidate[];
  /** Why no site may take the request, when `order` is empty. */
  rejection: PlacementRejection | null;
  /** Why the preference was not honoured, when it was not. */
  preferenceNote: string | null;
  preference: PlacementPreference;
  tieBreaker: string | null;
}

type Located = Pick<PlacementCandidate, 'dataCentre' | 'country'>;

/** 2: the data centre the request named; 1: a site in the country it named; 0: neither. */
const preferenceRank = (preference: PlacementPreference, site: Located): number =>
  site.dataCentre === preference.dataCentre ? 2 : site.country === preference.country ? 1 : 0;

/** Whether a required placement allows the site; every site is allowed when nothing is required. */
function meetsRequirement(preference: PlacementPreference, site: Located): boolean {
  if (preference.required !== true) return true;
  if (preference.dataCentre !== null) return site.dataCentre === preference.dataCentre;
  return preference.country === null || site.country === preference.country;
}

const requirementOf = (preference: PlacementPreference): string =>
  preference.dataCentre !== null ? preference.dataCentre : `a data centre in ${preference.country}`;

const uncapitalise = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Spread is weighed to the percent, as a person reads it: closer than that is a tie. */
const spreadOf = (c: Pick<PlacementCandidate, 'utilisationAfter'>): number => Math.round(c.utilisationAfter * 100);

/** FNV-1a: a stable, well-mixed number for the tie-breaker and a site, the same on every run. */
function drawOf(tieBreaker: string, code: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${tieBreaker}/${code}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

/** Orders two equally weighed sites: by the draw when there is a tie-breaker, else by code. */
const tieOrder = (tieBreaker: string | null, a: string, b: string): number =>
  (tieBreaker === null ? 0 : drawOf(tieBreaker, a) - drawOf(tieBreaker, b)) || a.localeCompare(b);

export function planPlacement(decision: PolicyDecision, input: PlacementInput): PlacementPlan {
  const sites = new Map(input.sites.map((site) => [site.code, site]));
  const shortfalls = new Map<string, string[]>();
  // Only sites the policy judged are candidates: a site it never saw is never placed on.
  const candidates = decision.candidates.map((judged): PlacementCandidate => {
    const site = sites.get(judged.dataCentre);
    if (!site) throw new Error(`Data centre '${judged.dataCentre}' was judged by the policy but is not among the sites to place on.`);
    const base = {
      dataCentre: judged.dataCentre,
      country: judged.country,
      operator: judged.operator,
      utilisationAfter: utilisationAfter(input.demand, site),
      preferred: preferenceRank(input.preference, judged) > 0,
    };
    if (!judged.compliant) return { ...base, outcome: 'refused', reason: failingReasons(judged.results) };
    if (!meetsRequirement(input.preference, judged)) {
      return { ...base, outcome: 'refused', reason: `Complies with the policy, but the request requires ${requirementOf(input.preference)}.` };
    }
    const short = capacityShortfalls(input.demand, site);
    if (short.length > 0) {
      shortfalls.set(judged.dataCentre, short);
      return { ...base, outcome: 'refused', reason: `Complies with the policy but has too little free capacity (${short.join('; ')}).` };
    }
    const after = percent(base.utilisationAfter);
    return { ...base, outcome: 'eligible', reason: `Complies with the policy and has room (${after} utilised after placing).` };
  });
  const tieBreaker = input.tieBreaker ?? null;
  const order = candidates
    .filter((c) => c.outcome === 'eligible')
    .sort(
      (a, b) =>
        preferenceRank(input.preference, b) - preferenceRank(input.preference, a) ||
        spreadOf(a) - spreadOf(b) ||
        tieOrder(tieBreaker, a.dataCentre, b.dataCentre),
    )
    .map((c) => c.dataCentre);

  let rejection: PlacementRejection | null = null;
  if (!decision.allowed) {
    rejection = { code: 'policy-refused', detail: decision.summary };
  } else if (order.length === 0 && input.preference.required === true) {
    rejection = { code: 'required-placement-unavailable', detail: requiredPlacementRefusal(input.preference, candidates) };
  } else if (order.length === 0) {
    const demand = CAPACITY_POOLS.map((pool) => amountOf(pool, input.demand[pool])).join(', ');
    const perSite = [...shortfalls].map(([code, short]) => `${code}: ${short.join('; ')}.`).join(' ');
    rejection = {
      code: 'no-compliant-capacity',
      detail: `No compliant capacity: no data centre that complies with the policy has room for the request (${demand}). ${perSite}`,
    };
  }
  // A refused request is not placed anywhere: the preference is moot, and saying so would only confuse.
  const preferenceNote =
    rejection?.code === 'policy-refused' || rejection?.code === 'required-placement-unavailable' ? null : noteOnPreference(input.preference, candidates);
  return { order, candidates, rejection, preferenceNote, preference: input.preference, tieBreaker };
}

/** Why no site the request requires may take it, in the words of the rules that refused each. */
function requiredPlacementRefusal(preference: PlacementPreference, candidates: readonly PlacementCandidate[]): string {
  const required = candidates.filter((c) => meetsRequirement(preference, c));
  const head = `The request requires ${requirementOf(preference)}`;
  if (required.length === 0) return `${head}, which is not a data centre the request may be placed on.`;
  if (required.length === 1) return `${head}, which may not take it: ${uncapitalise(required[0].reason)}`;
  return `${head}; none may take it. ${required.map((c) => `${c.dataCentre}: ${c.reason}`).join(' ')}`;
}

function noteOnPreference(preference: PlacementPreference, candidates: readonly PlacementCandidate[]): string | null {
  const notes: string[] = [];
  if (preference.dataCentre !== null) {
    const named = candidates.find((c) => c.dataCentre === preference.dataCentre);
    if (named?.outcome === 'eligible') return null;
    notes.push(
      named
        ? `the preferred data centre '${named.dataCentre}' may not take it: ${uncapitalise(named.reason).replace(/\.$/, '')}`
        : `the preferred data centre '${preference.dataCentre}' is not a known data centre`,
    );
  }
  if (preference.country !== null) {
    const there = candidates.filter((c) => c.country === preference.country);
    if (there.length === 0) notes.push(`there is no data centre in the preferred country ${preference.country}`);
    else if (!there.some((c) => c.outcome === 'eligible')) {
      notes.push(`no data centre in the preferred country ${preference.country} complies with the policy and has room`);
    }
  }
  return notes.length > 0 ? `${notes.join('; and ')}.` : null;
}

export interface PlacementOutcome {
  dataCentre: string;
  country: string;
  operator: string;
  utilisationAfter: number;
  outcome: 'chosen' | 'lost';
  reason: string;
}

/** What the request stores as its placement. */
export interface PlacementRecord {
  /** Where the capacity was held; null when nowhere could. */
  dataCentre: string | null;
  reason: string;
  preference: PlacementPreference;
  candidates: PlacementOutcome[];
}

/**
 * The placement as stored: the site that held the capacity and why it won, and why every other
 * site lost. `takenConcurrently` are the sites whose capacity another request held between the
 * plan and the attempt to hold it there.
 */
export function placementRecord(plan: PlacementPlan, chosen: string | null, takenConcurrently: readonly string[] = []): PlacementRecord {
  const winner = chosen === null ? null : plan.candidates.find((c) => c.dataCentre === chosen && c.outcome === 'eligible');
  if (winner === undefined) throw new Error(`'${chosen}' is not an eligible site of the plan: hold capacity only in plan.order.`);
  const candidates = plan.candidates.map(
    (c): PlacementOutcome => ({
      dataCentre: c.dataCentre,
      country: c.country,
      operator: c.operator,
      utilisationAfter: c.utilisationAfter,
      outcome: c === winner ? 'chosen' : 'lost',
      reason: c === winner ? winnerReason(c, plan, takenConcurrently) : loserReason(c, winner, plan, takenConcurrently),
    }),
  );
  let reason: string;
  if (winner) reason = `${winner.dataCentre}: ${winnerReason(winner, plan, takenConcurrently)}`;
  else if (takenConcurrently.length > 0) {
    reason = `Every compliant data centre with room had its capacity taken by concurrent requests (${listing(takenConcurrently)}); submit the request again.`;
  } else reason = plan.rejection?.detail ?? 'No data centre was tried.';
  return { dataCentre: winner?.dataCentre ?? null, reason, preference: plan.preference, candidates };
}

function winnerReason(winner: PlacementCandidate, plan: PlacementPlan, takenConcurrently: readonly string[]): string {
  const after = `${percent(winner.utilisationAfter)} utilised after placing`;
  const rank = preferenceRank(plan.preference, winner);
  let why =
    rank === 2
      ? `the preferred data centre, compliant with the policy and with room (${after})`
      : `the least utilised compliant data centre with room${rank === 1 ? ` in the preferred country ${winner.country}` : ''} (${after})`;
  const ahead = plan.order.slice(0, plan.order.indexOf(winner.dataCentre)).filter((code) => takenConcurrently.includes(code));
  if (ahead.length > 0) why += `; ${listing(ahead)} ranked higher, but concurrent requests took their capacity first`;
  return plan.preferenceNote ? `${why}; the preference was not honoured: ${plan.preferenceNote}` : `${why}.`;
}

function loserReason(
  loser: PlacementCandidate,
  winner: PlacementCandidate | null,
  plan: PlacementPlan,
  takenConcurrently: readonly string[],
): string {
  if (loser.outcome === 'refused') return loser.reason;
  if (takenConcurrently.includes(loser.dataCentre)) return 'Complied and had room when read, but a concurrent request took the capacity first.';
  if (winner === null) return 'Not tried.';
  if (plan.order.indexOf(loser.dataCentre) < plan.order.indexOf(winner.dataCentre)) return `Ranked ahead of ${winner.dataCentre}, but not chosen.`;
  const winnerRank = preferenceRank(plan.preference, winner);
  if (winnerRank > preferenceRank(plan.preference, loser)) {
    return winnerRank === 2
      ? `Less preferred: the request named ${winner.dataCentre}.`
      : `Less preferred: not in the preferred country ${winner.country}, as ${winner.dataCentre} is.`;
  }
  const after = (c: PlacementCandidate): string => percent(c.utilisationAfter);
  if (spreadOf(loser) !== spreadOf(winner)) return `More utilised after placing (${after(loser)}) than ${winner.dataCentre} (${after(winner)}).`;
  return plan.tieBreaker === null
    ? `As utilised after placing as ${winner.dataCentre} (${after(winner)}), which comes first by code.`
    : `As utilised after placing as ${winner.dataCentre} (${after(winner)}); the tie went to ${winner.dataCentre} by a draw on the request's id.`;
}
