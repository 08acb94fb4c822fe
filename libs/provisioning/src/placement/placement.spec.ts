import { describe, expect, it } from '@jest/globals';
import type { Demand } from '../domain/iaas-spec.js';
import { type CandidateSite, type PlacementInput, placementRecord, planPlacement } from './placement.js';

const capacity = { vcpu: 100, memoryGib: 400, storageGib: 10_000, publicIps: 10 };
const site = (code: string, overrides: Partial<CandidateSite> = {}): CandidateSite => ({
  code,
  country: 'CN',
  operator: 'china-telecom',
  status: 'active',
  services: ['iaas'],
  capacity,
  used: { vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 0 },
  ...overrides,
});
const used = (vcpu: number) => ({ vcpu, memoryGib: 0, storageGib: 0, publicIps: 0 });
const demand: Demand = { vcpu: 8, memoryGib: 16, storageGib: 200, publicIps: 1, vms: 4 };
const input = (sites: CandidateSite[], preference: Partial<PlacementInput['preference']> = {}): PlacementInput => ({
  homeCountry: 'CN',
  service: 'iaas',
  demand,
  preference: { dataCentre: null, country: null, ...preference },
  sites,
});

describe('placement', () => {
  it('chooses the least utilised eligible site with room, and says why the others lost', () => {
    const request = input([site('cn-a', { used: used(50) }), site('cn-b', { used: used(10) }), site('cn-c', { status: 'maintenance' })]);
    const plan = planPlacement(request);
    expect(plan.order).toEqual(['cn-b', 'cn-a']);
    const record = placementRecord(request, plan, 'cn-b');
    expect(record.dataCentre).toBe('cn-b');
    expect(record.reason).toBe('cn-b: the least utilised eligible site with room (utilisation 10%)');
    expect(record.candidates).toEqual([
      { dataCentre: 'cn-a', operator: 'china-telecom', utilisation: 0.5, outcome: 'lost', reason: 'More utilised (50%) than cn-b (10%)' },
      { dataCentre: 'cn-b', operator: 'china-telecom', utilisation: 0.1, outcome: 'chosen', reason: expect.stringContaining('least utilised') },
      { dataCentre: 'cn-c', operator: 'china-telecom', utilisation: 0, outcome: 'lost', reason: 'Not active (maintenance)' },
    ]);
  });

  it('judges utilisation by the fullest pool', () => {
    const plan = planPlacement(
      input([site('cn-a', { used: used(30) }), site('cn-b', { used: { vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 5 } })]),
    );
    expect(plan.order).toEqual(['cn-a', 'cn-b']);
  });

  it('breaks ties by code, so the same world always places the same way', () => {
    expect(planPlacement(input([site('cn-b'), site('cn-a')])).order).toEqual(['cn-a', 'cn-b']);
  });

  it('never places outside the home country, nor where the service is not offered, nor in a full site', () => {
    const plan = planPlacement(
      input([
        site('jp-a', { country: 'JP' }),
        site('cn-a', { services: ['draas'] }),
        site('cn-b', { used: { vcpu: 95, memoryGib: 0, storageGib: 0, publicIps: 0 } }),
        site('cn-c', { status: 'planned' }),
      ]),
    );
    expect(plan.order).toEqual([]);
    expect(plan.verdicts.map((v) => [v.dataCentre, v.refusal])).toEqual([
      ['cn-a', 'does not offer iaas'],
      ['cn-b', 'too little free capacity: vcpu needs 8, 5 free'],
      ['cn-c', 'not active (planned)'],
      ['jp-a', "outside the tenant's home country CN"],
    ]);
    expect(plan.rejection).toEqual({ code: 'insufficient-capacity', detail: expect.stringContaining('cn-b: too little free capacity') });
  });

  it('rejects with no eligible site when none is active, offers the service and is at home', () => {
    const plan = planPlacement(input([site('cn-a', { status: 'offline' })]));
    expect(plan.rejection).toEqual({ code: 'no-eligible-data-centre', detail: "No active data centre offering iaas is in CN, the tenant's home country." });
    expect(planPlacement(input([])).rejection?.code).toBe('no-eligible-data-centre');
  });

  it('honours a preferred data centre that is eligible and has room, even when more utilised', () => {
    const request = input([site('cn-a', { used: used(60) }), site('cn-b')], { dataCentre: 'cn-a' });
    const plan = planPlacement(request);
    expect(plan.order).toEqual(['cn-a', 'cn-b']);
    const record = placementRecord(request, plan, 'cn-a');
    expect(record.reason).toMatch(/^cn-a: preferred by the request/);
    expect(record.candidates.find((c) => c.dataCentre === 'cn-b')?.reason).toBe('Not preferred; cn-a was');
  });

  it('falls back to the least utilised site when the preferred one is full, and records why', () => {
    const request = input([site('cn-a', { used: used(99) }), site('cn-b')], { dataCentre: 'cn-a' });
    const plan = planPlacement(request);
    expect(plan.order).toEqual(['cn-b']);
    expect(plan.preferenceNote).toBe("the preferred data centre 'cn-a' is too little free capacity: vcpu needs 8, 1 free");
    expect(placementRecord(request, plan, 'cn-b').reason).toContain('the preference was not honoured');
  });

  it('says the same about an unknown preferred site and one abroad', () => {
    const plan = planPlacement(input([site('cn-a')], { dataCentre: 'jp-tokyo-1' }));
    expect(plan.order).toEqual(['cn-a']);
    expect(plan.preferenceNote).toBe("the preferred data centre 'jp-tokyo-1' is not one in CN, the tenant's home country");
  });

  it('does not honour a preferred country other than home', () => {
    const plan = planPlacement(input([site('cn-a')], { country: 'JP' }));
    expect(plan.order).toEqual(['cn-a']);
    expect(plan.preferenceNote).toBe("the preferred country JP is not CN, the tenant's home country");
    expect(planPlacement(input([site('cn-a')], { country: 'CN' })).preferenceNote).toBeNull();
  });

  it('records sites whose capacity a concurrent request took', () => {
    const request = input([site('cn-a'), site('cn-b', { used: used(10) })]);
    const plan = planPlacement(request);
    const record = placementRecord(request, plan, 'cn-b', ['cn-a']);
    expect(record.candidates.find((c) => c.dataCentre === 'cn-a')?.reason).toMatch(/concurrent request took the capacity/);
    const none = placementRecord(request, plan, null, ['cn-a', 'cn-b']);
    expect(none.dataCentre).toBeNull();
    expect(none.reason).toMatch(/taken by concurrent requests/);
  });
});
