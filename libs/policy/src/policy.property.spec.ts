import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { fits, freeCapacity } from '#libs/catalogue/src/domain/capacity.js';
import {
  DATA_CENTRE_STATUSES,
  OWNERSHIPS,
  RESIDENCY_REQUIREMENTS,
  SERVICES,
  TENANT_SEGMENTS,
  TENANT_STATUSES,
} from '#libs/catalogue/src/domain/vocabulary.js';
import { DEFAULT_POLICY_RULES } from './default-policy-rules.js';
import { evaluatePolicy, type PolicyDecision } from './evaluate-policy.js';
import type { PolicyInput, PolicySite, PolicyTenant } from './policy-context.js';
import type { PolicyRule } from './policy-rule.js';
import { type PlacementPlan, type PlacementPreference, placementRecord, planPlacement } from './plan-placement.js';
import { RHEL_7, rule, WINDOWS_2012, WINDOWS_8_1 } from './testing/policy-fixtures.js';
import { isoDay } from './wording.js';

/**
 * Random worlds: tenants, sites (some of them provider-owned in China, which registration forbids
 * but the policy must hold against anyway), requests, dates, and the seeded rules with some
 * switched off and random jurisdiction rules added.
 */

const REGION_OF: Record<string, string> = { CN: 'east-asia', JP: 'east-asia', GB: 'europe', DE: 'europe', US: 'north-america' };
const COUNTRIES = Object.keys(REGION_OF);
const RUNS = { numRuns: 500 };

const day = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T23:59:59Z'), noInvalidDate: true });
const upTo = (max: number) => fc.integer({ min: 0, max });
/** Mostly the common value, sometimes any: keeps most worlds placeable while still visiting the rest. */
const mostly = <T>(common: T, all: readonly T[]) => fc.oneof({ arbitrary: fc.constant(common), weight: 3 }, { arbitrary: fc.constantFrom(...all), weight: 1 });
/** `total` and a share of it in use, per pool. */
const inUseOf = <K extends string>(total: Record<K, number>, percent: Record<K, number>) =>
  Object.fromEntries(Object.entries<number>(total).map(([key, value]) => [key, Math.floor((value * percent[key as K]) / 100)])) as Record<K, number>;

const quotaShape = fc.record({ vcpu: upTo(512), memoryGib: upTo(2048), storageGib: upTo(50_000), vms: upTo(100) });
// Sometimes past 100%: a quota lowered under what is already in use.
const quotaPercent = fc.record({ vcpu: upTo(110), memoryGib: upTo(110), storageGib: upTo(110), vms: upTo(110) });

const tenantArb: fc.Arbitrary<PolicyTenant> = fc
  .record({
    homeCountry: fc.constantFrom(...COUNTRIES),
    segment: fc.constantFrom(...TENANT_SEGMENTS),
    residency: fc.constantFrom(...RESIDENCY_REQUIREMENTS),
    status: mostly('active', TENANT_STATUSES),
    quotas: quotaShape,
    inUsePercent: quotaPercent,
  })
  .map(({ inUsePercent, ...t }) => ({
    ...t,
    id: 'tenant',
    name: `${t.homeCountry} ${t.segment} tenant`,
    homeRegion: REGION_OF[t.homeCountry],
    inUse: inUseOf(t.quotas, inUsePercent),
  }));

const pools = fc.record({ vcpu: upTo(400), memoryGib: upTo(1600), storageGib: upTo(40_000), publicIps: upTo(20) });
const poolPercent = fc.record({ vcpu: upTo(100), memoryGib: upTo(100), storageGib: upTo(100), publicIps: upTo(100) });

/** Most sites at the tenant's home, so residency has something to choose; China often, whoever the tenant. */
const siteCountry = (home: string) =>
  fc.oneof({ arbitrary: fc.constant(home), weight: 3 }, { arbitrary: fc.constant('CN'), weight: 1 }, { arbitrary: fc.constantFrom(...COUNTRIES), weight: 1 });

const siteArb = (home: string) =>
  fc
    .record({
      country: siteCountry(home),
      ownership: fc.constantFrom(...OWNERSHIPS),
      services: fc.oneof(fc.constant([...SERVICES]), fc.subarray([...SERVICES])),
      status: mostly('active', DATA_CENTRE_STATUSES),
      opens: fc.option(day.map(isoDay)),
      capacity: pools,
      usedPercent: poolPercent,
    })
    .map(
      (s): Omit<PolicySite, 'code' | 'name'> => ({
        country: s.country,
        regionCode: REGION_OF[s.country],
        ownership: s.ownership,
        operator: s.ownership === 'owned' ? 'provider' : `partner-${s.country.toLowerCase()}`,
        services: s.services,
        status: s.status,
        availableFrom: s.status === 'planned' ? s.opens : null,
        capacity: s.capacity,
        used: inUseOf(s.capacity, s.usedPercent),
      }),
    );

/** Codes are unique and say the country, as real ones do. */
const sitesArb = (home: string) =>
  fc
    .array(siteArb(home), { maxLength: 8 })
    .map((sites) => sites.map((s, index): PolicySite => ({ ...s, code: `${s.country.toLowerCase()}-dc-${index}`, name: `site ${index}` })));

const requestArb = fc.record({
  service: mostly('iaas' as const, SERVICES),
  images: fc.subarray([WINDOWS_8_1, WINDOWS_2012, RHEL_7]),
  demand: fc.record({ vcpu: upTo(64), memoryGib: upTo(256), storageGib: upTo(4000), publicIps: fc.integer({ min: 1, max: 2 }), vms: upTo(24) }),
});

/** The China rule stays on; other seeded rules may be off; extra jurisdictions come and go. */
const rulesArb: fc.Arbitrary<PolicyRule[]> = fc
  .record({
    off: fc.subarray(['tenant-status', 'tenant-residency', 'procurement-exclusion', 'service-availability', 'data-centre-status', 'quota']),
    extra: fc.array(
      fc.record({ country: fc.constantFrom(...COUNTRIES), residency: fc.constantFrom('in-country', 'in-region' as const), partnerOperatedOnly: fc.boolean() }),
      { maxLength: 2 },
    ),
  })
  .map(({ off, extra }) => [
    ...DEFAULT_POLICY_RULES.map((r) => (off.includes(r.kind) ? { ...r, enabled: false } : r)),
    ...extra.map((params, index) => rule('jurisdiction-residency', params, { id: `extra-${index}` })),
  ]);

interface World {
  rules: PolicyRule[];
  input: PolicyInput;
  preference: PlacementPreference;
}

const worldArb: fc.Arbitrary<World> = fc
  .record({
    rules: rulesArb,
    input: tenantArb.chain((tenant) => fc.record({ tenant: fc.constant(tenant), request: requestArb, sites: sitesArb(tenant.homeCountry), now: day })),
    preferDataCentre: fc.option(fc.nat(8)),
    preferCountry: fc.option(fc.constantFrom(...COUNTRIES)),
  })
  .map(({ rules, input, preferDataCentre, preferCountry }) => ({
    rules,
    input,
    // An index past the last site stands for an unknown code.
    preference: { dataCentre: preferDataCentre === null ? null : (input.sites[preferDataCentre]?.code ?? 'xx-unknown-1'), country: preferCountry },
  }));

/** Decide, then plan on the same sites: what the submit flow does. */
function decideAndPlan({ rules, input, preference }: World): { decision: PolicyDecision; plan: PlacementPlan } {
  const decision = evaluatePolicy(rules, input);
  return { decision, plan: planPlacement(decision, { sites: input.sites, demand: input.request.demand, preference }) };
}

const siteOf = (world: World, code: string): PolicySite => world.input.sites.find((s) => s.code === code) as PolicySite;

/** The tenant's own in-country requirement, or its home jurisdiction's, is on. */
const mustStayInCountry = ({ rules, input: { tenant } }: World): boolean =>
  rules.some(
    (r) =>
      r.enabled &&
      ((r.kind === 'tenant-residency' && tenant.residency === 'in-country') ||
        (r.kind === 'jurisdiction-residency' && r.params.country === tenant.homeCountry && r.params.residency === 'in-country')),
  );

describe('policy and placement over random worlds', () => {
  it('never places a tenant bound to its country outside it', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        fc.pre(mustStayInCountry(world));
        for (const code of decideAndPlan(world).plan.order) expect(siteOf(world, code).country).toBe(world.input.tenant.homeCountry);
      }),
      RUNS,
    );
  });

  it('never places anything in China on a provider-owned site', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        fc.pre(world.input.sites.some((site) => site.country === 'CN'));
        for (const code of decideAndPlan(world).plan.order) {
          const site = siteOf(world, code);
          if (site.country === 'CN') expect(site.ownership).toBe('partner-operated');
        }
      }),
      RUNS,
    );
  });

  it('names at least one failing rule for every site of a refused decision, and refuses its placement', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { decision, plan } = decideAndPlan(world);
        for (const candidate of decision.candidates.filter((c) => !c.compliant)) {
          expect(candidate.results.some((r) => !r.passed && r.reason.length > 0)).toBe(true);
        }
        if (decision.allowed) return;
        expect(decision.candidates.every((c) => !c.compliant)).toBe(true);
        expect(plan.order).toEqual([]);
        expect(plan.rejection).toEqual({ code: 'policy-refused', detail: decision.summary });
      }),
      RUNS,
    );
  });

  it('places an allowed request only on a compliant site with room, and explains every other site', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const { decision, plan } = decideAndPlan(world);
        if (!decision.allowed) return;
        if (plan.order.length === 0) {
          expect(plan.rejection?.code).toBe('no-compliant-capacity');
          return;
        }
        for (const code of plan.order) {
          const site = siteOf(world, code);
          expect(decision.candidates.find((c) => c.dataCentre === code)?.compliant).toBe(true);
          expect(fits(world.input.request.demand, freeCapacity(site.capacity, site.used))).toBe(true);
        }
        const record = placementRecord(plan, plan.order[0]);
        expect(record.dataCentre).toBe(plan.order[0]);
        expect(record.candidates.every((c) => c.reason.length > 0)).toBe(true);
      }),
      RUNS,
    );
  });
});
