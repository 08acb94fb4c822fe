import { describe, expect, it } from '@jest/globals';
import { DEFAULT_POLICY_RULES } from './default-policy-rules.js';
import { evaluatePolicy } from './evaluate-policy.js';
import type { PolicySite, PolicyTenant } from './policy-context.js';
import { type PlacementPreference, placementRecord, planPlacement } from './plan-placement.js';
import { demand, policyInput, rule, site, tenant, tokyo } from './testing/policy-fixtures.js';

const vcpuUsed = (vcpu: number, publicIps = 0) => ({ vcpu, memoryGib: 0, storageGib: 0, publicIps });
const NO_PREFERENCE: PlacementPreference = { dataCentre: null, country: null };

/** Decide with the seeded rules (or `rules`), then plan on the same sites. */
function plan(sites: PolicySite[], preference: Partial<PlacementPreference> = {}, options: { tenant?: PolicyTenant; rules?: typeof DEFAULT_POLICY_RULES } = {}) {
  const decision = evaluatePolicy(options.rules ?? DEFAULT_POLICY_RULES, policyInput({ sites, tenant: options.tenant ?? tenant() }));
  return planPlacement(decision, { sites, demand: demand(), preference: { ...NO_PREFERENCE, ...preference } });
}

const lostReason = (record: ReturnType<typeof placementRecord>, dataCentre: string) =>
  record.candidates.find((c) => c.dataCentre === dataCentre)?.reason;

describe('planPlacement', () => {
  it('spreads by utilisation after placing, so a big request does not land on a small site that only looks emptier', () => {
    const small = site('cn-small-1', { capacity: { vcpu: 20, memoryGib: 80, storageGib: 2000, publicIps: 10 } });
    const big = site('cn-big-1', { used: vcpuUsed(20) });
    const placement = plan([small, big]);
    expect(placement.order).toEqual(['cn-big-1', 'cn-small-1']);
    expect(placement.candidates.map((c) => [c.dataCentre, c.utilisationAfter])).toEqual([
      ['cn-big-1', 0.28],
      ['cn-small-1', 0.4],
    ]);
    const record = placementRecord(placement, 'cn-big-1');
    expect(record.reason).toBe('cn-big-1: the least utilised compliant data centre with room (28% utilised after placing).');
    expect(lostReason(record, 'cn-small-1')).toBe('More utilised after placing (40%) than cn-big-1 (28%).');
  });

  it('breaks ties by code, and says so', () => {
    const placement = plan([site('cn-b'), site('cn-a')]);
    expect(placement.order).toEqual(['cn-a', 'cn-b']);
    expect(lostReason(placementRecord(placement, 'cn-a'), 'cn-b')).toBe('As utilised after placing as cn-a (10%), which comes first by code.');
  });

  it('with a tie-breaker (the request id), scatters requests over equally utilised sites, each request always the same way', () => {
    const sites = [site('cn-a'), site('cn-b'), site('cn-c', { used: vcpuUsed(1) })];
    const decision = evaluatePolicy(DEFAULT_POLICY_RULES, policyInput({ sites, tenant: tenant() }));
    const drawn = (tieBreaker: string) => planPlacement(decision, { sites, demand: demand(), preference: NO_PREFERENCE, tieBreaker });
    const winners = Array.from({ length: 200 }, (_, i) => drawn(`request-${i}`).order[0]);
    // cn-c is 1 vCPU fuller: still the same percent, so it takes part in the draw.
    for (const code of ['cn-a', 'cn-b', 'cn-c']) expect(winners.filter((w) => w === code).length).toBeGreaterThan(30);
    const again = drawn('request-7');
    expect(again.order[0]).toBe(winners[7]);
    const loser = again.order[1];
    expect(lostReason(placementRecord(again, again.order[0]), loser)).toBe(
      `As utilised after placing as ${again.order[0]} (10%); the tie went to ${again.order[0]} by a draw on the request's id.`,
    );
  });

  it('honours a preferred data centre with room, even when it is more utilised', () => {
    const placement = plan([site('cn-a', { used: vcpuUsed(60) }), site('cn-b')], { dataCentre: 'cn-a' });
    expect(placement.order).toEqual(['cn-a', 'cn-b']);
    expect(placement.preferenceNote).toBeNull();
    const record = placementRecord(placement, 'cn-a');
    expect(record.reason).toBe('cn-a: the preferred data centre, compliant with the policy and with room (68% utilised after placing).');
    expect(lostReason(record, 'cn-b')).toBe('Less preferred: the request named cn-a.');
  });

  it('sends the request to another compliant site when the preferred one is full, and records why', () => {
    const placement = plan([site('cn-a', { used: vcpuUsed(95) }), site('cn-b')], { dataCentre: 'cn-a' });
    expect(placement.order).toEqual(['cn-b']);
    expect(placement.preferenceNote).toBe(
      "the preferred data centre 'cn-a' may not take it: complies with the policy but has too little free capacity (needs 8 vCPU, 5 free).",
    );
    const record = placementRecord(placement, 'cn-b');
    expect(record.reason).toBe(
      'cn-b: the least utilised compliant data centre with room (10% utilised after placing); the preference was not honoured: ' +
        "the preferred data centre 'cn-a' may not take it: complies with the policy but has too little free capacity (needs 8 vCPU, 5 free).",
    );
    expect(lostReason(record, 'cn-a')).toBe('Complies with the policy but has too little free capacity (needs 8 vCPU, 5 free).');
  });

  it('never places on a non-compliant site, even a preferred one with room: no compliant capacity, with the numbers', () => {
    const placement = plan([tokyo(), site('cn-beijing-1', { used: vcpuUsed(95, 10) })], { dataCentre: 'jp-tokyo-1' });
    expect(placement.order).toEqual([]);
    expect(placement.rejection).toEqual({
      code: 'no-compliant-capacity',
      detail:
        'No compliant capacity: no data centre that complies with the policy has room for the request ' +
        '(8 vCPU, 16 GiB memory, 200 GiB storage, 1 public IP). cn-beijing-1: needs 8 vCPU, 5 free; needs 1 public IP, 0 free.',
    });
    expect(placement.candidates.find((c) => c.dataCentre === 'jp-tokyo-1')).toMatchObject({
      outcome: 'refused',
      preferred: true,
      reason: expect.stringMatching(/^Tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP\. Jurisdiction CN/),
    });
    expect(placement.preferenceNote).toMatch(/^the preferred data centre 'jp-tokyo-1' may not take it: tenant 'Beijing Commercial Bank' requires/);
    expect(placementRecord(placement, null).reason).toBe(placement.rejection?.detail);
  });

  it('refuses with the policy summary when the policy refuses, and does not discuss the preference', () => {
    const placement = plan([site('cn-beijing-1')], { dataCentre: 'cn-beijing-1' }, { tenant: tenant({ status: 'suspended' }) });
    expect(placement.order).toEqual([]);
    expect(placement.rejection).toEqual({ code: 'policy-refused', detail: expect.stringMatching(/^Refused: Tenant 'Beijing Commercial Bank' is suspended/) });
    expect(placement.preferenceNote).toBeNull();
    const record = placementRecord(placement, null);
    expect(record).toMatchObject({ dataCentre: null, reason: placement.rejection?.detail });
    expect(record.candidates[0]).toMatchObject({ outcome: 'lost', reason: expect.stringContaining('is suspended') });
  });

  describe('a preferred country', () => {
    const anywhere = DEFAULT_POLICY_RULES.filter((r) => !r.kind.endsWith('residency'));
    const osaka = tokyo({ code: 'jp-osaka-1' });
    const roaming = { rules: anywhere, tenant: tenant({ residency: 'none' }) };

    it('puts its sites first, then spreads within it', () => {
      const placement = plan([site('cn-beijing-1'), tokyo({ used: vcpuUsed(50) }), osaka], { country: 'JP' }, roaming);
      expect(placement.order).toEqual(['jp-osaka-1', 'jp-tokyo-1', 'cn-beijing-1']);
      const record = placementRecord(placement, 'jp-osaka-1');
      expect(record.reason).toBe('jp-osaka-1: the least utilised compliant data centre with room in the preferred country JP (10% utilised after placing).');
      expect(lostReason(record, 'cn-beijing-1')).toBe('Less preferred: not in the preferred country JP, as jp-osaka-1 is.');
    });

    it('falls back to it when the preferred data centre is full', () => {
      const full = tokyo({ used: vcpuUsed(100) });
      const placement = plan([site('cn-beijing-1'), full, osaka], { dataCentre: 'jp-tokyo-1', country: 'JP' }, roaming);
      expect(placement.order).toEqual(['jp-osaka-1', 'cn-beijing-1']);
      expect(placement.preferenceNote).toMatch(/^the preferred data centre 'jp-tokyo-1' may not take it/);
    });

    it('says when it has no site, or none that may take the request', () => {
      expect(plan([site('cn-beijing-1')], { country: 'DE' }, roaming).preferenceNote).toBe('there is no data centre in the preferred country DE.');
      expect(plan([site('cn-beijing-1'), tokyo({ status: 'offline' })], { country: 'JP' }, roaming).preferenceNote).toBe(
        'no data centre in the preferred country JP complies with the policy and has room.',
      );
    });
  });

  describe('a required placement', () => {
    it('rejects the request when the required data centre may not take it, in the words of the rule that refused it', () => {
      const placement = plan([tokyo(), site('cn-beijing-1')], { dataCentre: 'jp-tokyo-1', required: true });
      expect(placement.order).toEqual([]);
      expect(placement.rejection).toEqual({
        code: 'required-placement-unavailable',
        detail: expect.stringMatching(/^The request requires jp-tokyo-1, which may not take it: tenant 'Beijing Commercial Bank' requires in-country residency in CN; jp-tokyo-1 is in JP\./),
      });
      expect(placement.candidates.find((c) => c.dataCentre === 'cn-beijing-1')).toMatchObject({
        outcome: 'refused',
        reason: 'Complies with the policy, but the request requires jp-tokyo-1.',
      });
      expect(placement.preferenceNote).toBeNull();
    });

    it('rejects it when the required data centre is full, rather than going elsewhere', () => {
      const placement = plan([site('cn-a', { used: vcpuUsed(95) }), site('cn-b')], { dataCentre: 'cn-a', required: true });
      expect(placement.order).toEqual([]);
      expect(placement.rejection?.detail).toBe(
        'The request requires cn-a, which may not take it: complies with the policy but has too little free capacity (needs 8 vCPU, 5 free).',
      );
    });

    it('places only within a required country, spreading there', () => {
      const roaming = { rules: DEFAULT_POLICY_RULES.filter((r) => !r.kind.endsWith('residency')), tenant: tenant({ residency: 'none' }) };
      const sites = [site('cn-beijing-1'), tokyo({ used: vcpuUsed(50) }), tokyo({ code: 'jp-osaka-1' })];
      expect(plan(sites, { country: 'JP', required: true }, roaming).order).toEqual(['jp-osaka-1', 'jp-tokyo-1']);
      const none = plan([site('cn-beijing-1')], { country: 'DE', required: true }, roaming);
      expect(none.rejection?.detail).toBe('The request requires a data centre in DE, which is not a data centre the request may be placed on.');
    });

    it('changes nothing when it is met, and a preference that is not required still falls back', () => {
      expect(plan([site('cn-a'), site('cn-b')], { dataCentre: 'cn-b', required: true }).order).toEqual(['cn-b']);
      expect(plan([site('cn-a'), site('cn-b')], { dataCentre: 'cn-b', required: false }).order).toEqual(['cn-b', 'cn-a']);
    });
  });

  it('says the same of an unknown preferred data centre whatever it is, and of each part of the preference missed', () => {
    expect(plan([site('cn-beijing-1')], { dataCentre: 'xx-nowhere-1' }).preferenceNote).toBe(
      "the preferred data centre 'xx-nowhere-1' is not a known data centre.",
    );
    expect(plan([site('cn-beijing-1')], { dataCentre: 'xx-nowhere-1', country: 'DE' }).preferenceNote).toBe(
      "the preferred data centre 'xx-nowhere-1' is not a known data centre; and there is no data centre in the preferred country DE.",
    );
  });

  it('never places on a site the policy did not judge', () => {
    const decision = evaluatePolicy([rule('quota', {})], policyInput({ sites: [site('cn-a')] }));
    expect(() => planPlacement(decision, { sites: [site('cn-b')], demand: demand(), preference: NO_PREFERENCE })).toThrow(
      "Data centre 'cn-a' was judged by the policy but is not among the sites to place on.",
    );
    const placement = planPlacement(decision, { sites: [site('cn-a'), site('cn-b')], demand: demand(), preference: NO_PREFERENCE });
    expect(placement.order).toEqual(['cn-a']);
  });
});

describe('placementRecord', () => {
  const placement = plan([site('cn-a'), site('cn-b', { used: vcpuUsed(10) }), site('cn-c', { used: vcpuUsed(20) })]);

  it('records sites whose capacity a concurrent request took, ahead of the winner', () => {
    const record = placementRecord(placement, 'cn-b', ['cn-a']);
    expect(record.dataCentre).toBe('cn-b');
    expect(record.reason).toBe(
      'cn-b: the least utilised compliant data centre with room (18% utilised after placing); ' +
        'cn-a ranked higher, but concurrent requests took their capacity first.',
    );
    expect(record.candidates.map((c) => [c.dataCentre, c.outcome, c.reason])).toEqual([
      ['cn-a', 'lost', 'Complied and had room when read, but a concurrent request took the capacity first.'],
      ['cn-b', 'chosen', expect.stringContaining('least utilised')],
      ['cn-c', 'lost', 'More utilised after placing (28%) than cn-b (18%).'],
    ]);
  });

  it('says when concurrent requests took every site', () => {
    const record = placementRecord(placement, null, ['cn-a', 'cn-b', 'cn-c']);
    expect(record).toMatchObject({
      dataCentre: null,
      reason: 'Every compliant data centre with room had its capacity taken by concurrent requests (cn-a, cn-b and cn-c); submit the request again.',
      preference: NO_PREFERENCE,
    });
  });

  it('refuses a chosen site the plan did not make eligible', () => {
    const withFull = plan([site('cn-a'), site('cn-full', { used: vcpuUsed(100) })]);
    expect(() => placementRecord(withFull, 'cn-full')).toThrow("'cn-full' is not an eligible site of the plan");
    expect(() => placementRecord(withFull, 'cn-unknown')).toThrow("'cn-unknown' is not an eligible site of the plan");
  });
});
