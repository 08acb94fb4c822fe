import { describe, expect, it } from '@jest/globals';
import { DomainError, InvalidTransitionError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import { DataCentre, type DataCentreProps, type RegisterDataCentre } from './data-centre.js';
import type { Jurisdiction } from './jurisdiction.js';
import type { Partner } from './partner.js';
import { DATA_CENTRE_STATUSES, type DataCentreStatus } from './vocabulary.js';

const china: Jurisdiction = {
  country: 'CN',
  name: 'China',
  regionCode: 'east-asia',
  providerMayOwnDataCentres: false,
  ownershipRationale: 'Foreigners may not own data centres in China.',
  defaultResidency: 'in-country',
};
const unitedStates: Jurisdiction = {
  country: 'US',
  name: 'United States',
  regionCode: 'north-america',
  providerMayOwnDataCentres: true,
  ownershipRationale: 'No restriction on foreign ownership.',
  defaultResidency: 'none',
};
const provider: Partner = { code: 'provider', name: 'VMware', kind: 'provider', country: null };
const chinaTelecom: Partner = { code: 'china-telecom', name: 'China Telecom', kind: 'local-partner', country: 'CN' };
const capacity = { vcpu: 100, memoryGib: 400, storageGib: 10_000, publicIps: 16 };

const input = (overrides: Partial<RegisterDataCentre> = {}): RegisterDataCentre => ({
  code: 'cn-beijing-1',
  name: 'Beijing 1',
  country: 'CN',
  ownership: 'partner-operated',
  services: ['iaas'],
  capacity,
  status: 'active',
  availableFrom: null,
  ...overrides,
});

/** Runs `act` and returns the domain error it throws. */
function refusal(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error');
}

describe('DataCentre.register: ownership', () => {
  it('registers a partner-operated site run by a local partner in its own country', () => {
    const state = DataCentre.register(input(), china, chinaTelecom).toState();
    expect(state).toMatchObject({ operatorCode: 'china-telecom', ownership: 'partner-operated', status: 'active', version: 0 });
    expect(state.used).toEqual({ vcpu: 0, memoryGib: 0, storageGib: 0, publicIps: 0 });
  });

  it('registers an owned site where the provider may own data centres', () => {
    const us = input({ code: 'us-east-1', country: 'US', ownership: 'owned' });
    expect(DataCentre.register(us, unitedStates, provider).toState().operatorCode).toBe('provider');
  });

  it('refuses an owned site where the jurisdiction forbids it, quoting the rule', () => {
    const error = refusal(() => DataCentre.register(input({ ownership: 'owned' }), china, provider));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.code).toBe('ownership-not-allowed');
    expect(error.detail).toContain('Foreigners may not own data centres in China.');
    expect(error.detail).toContain("'partner-operated'");
    expect(error.extensions).toEqual({ rule: 'jurisdiction:CN:provider-may-own-data-centres', country: 'CN' });
  });

  it('reads the rule from the jurisdiction it is given: change the data, change the decision', () => {
    const permissive = { ...china, providerMayOwnDataCentres: true };
    expect(() => DataCentre.register(input({ ownership: 'owned' }), permissive, provider)).not.toThrow();
  });

  it.each([
    [
      'an owned site operated by a local partner',
      input({ code: 'us-east-1', country: 'US', ownership: 'owned' }),
      unitedStates,
      chinaTelecom,
    ],
    ['a partner-operated site operated by the provider', input(), china, provider],
  ])('refuses %s as operator-mismatch', (_label, site, jurisdiction, operator) => {
    const error = refusal(() => DataCentre.register(site, jurisdiction, operator));
    expect(error.code).toBe('operator-mismatch');
    expect(error.extensions).toEqual({ operator: operator.code });
  });

  it('refuses a local partner outside the country it is licensed in', () => {
    const error = refusal(() => DataCentre.register(input({ code: 'us-west-1', country: 'US' }), unitedStates, chinaTelecom));
    expect(error.code).toBe('operator-outside-country');
    expect(error.detail).toBe("Partner 'china-telecom' operates in CN, not in US.");
  });

  it('keeps services unique and sorted', () => {
    const state = DataCentre.register(input({ services: ['draas', 'iaas', 'draas'] }), china, chinaTelecom).toState();
    expect(state.services).toEqual(['draas', 'iaas']);
  });
});

describe('DataCentre.register: availableFrom', () => {
  it.each<[string, DataCentreStatus, string | null, string | null]>([
    ['planned with a date', 'planned', '2027-01-01', null],
    ['planned without a date', 'planned', null, 'available-from-required'],
    ['active without a date', 'active', null, null],
    ['active with a date', 'active', '2027-01-01', 'available-from-only-when-planned'],
    ['maintenance with a date', 'maintenance', '2027-01-01', 'available-from-only-when-planned'],
    ['offline with a date', 'offline', '2027-01-01', 'available-from-only-when-planned'],
  ])('%s', (_label, status, availableFrom, refusedAs) => {
    const register = () => DataCentre.register(input({ status, availableFrom }), china, chinaTelecom);
    if (refusedAs === null) expect(register().toState()).toMatchObject({ status, availableFrom });
    else expect(refusal(register).code).toBe(refusedAs);
  });
});

const existing = (status: DataCentreStatus, overrides: Partial<DataCentreProps> = {}): DataCentre =>
  DataCentre.fromState({
    code: 'cn-beijing-1',
    name: 'Beijing 1',
    country: 'CN',
    operatorCode: 'china-telecom',
    ownership: 'partner-operated',
    services: ['iaas'],
    capacity,
    used: { vcpu: 40, memoryGib: 100, storageGib: 0, publicIps: 16 },
    status,
    availableFrom: status === 'planned' ? '2027-01-01' : null,
    statusReason: null,
    version: 3,
    ...overrides,
  });

/** The whole transition table: every pair not listed here must be refused. */
const ALLOWED: Record<DataCentreStatus, DataCentreStatus[]> = {
  planned: ['planned', 'active', 'offline'],
  active: ['maintenance', 'offline'],
  maintenance: ['active', 'offline'],
  offline: ['active', 'maintenance'],
};
const everyPair = DATA_CENTRE_STATUSES.flatMap((from) => DATA_CENTRE_STATUSES.map((to) => [from, to] as const));

describe('DataCentre.changeStatus', () => {
  it.each(everyPair.filter(([from, to]) => ALLOWED[from].includes(to)))('allows %s -> %s', (from, to) => {
    const dataCentre = existing(from);
    const availableFrom = to === 'planned' ? '2027-06-01' : null;
    dataCentre.changeStatus(to, availableFrom, 'Scheduled work.');
    expect(dataCentre.toState()).toMatchObject({ status: to, availableFrom, statusReason: 'Scheduled work.', version: 3 });
  });

  it.each(everyPair.filter(([from, to]) => !ALLOWED[from].includes(to)))('refuses %s -> %s, naming the allowed ones', (from, to) => {
    const dataCentre = existing(from);
    const error = refusal(() => dataCentre.changeStatus(to, to === 'planned' ? '2027-06-01' : null, null));
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error.extensions).toEqual({ from, to });
    expect(error.detail).toBe(
      `A data centre cannot go from '${from}' to '${to}'. From '${from}' it may go to: ${ALLOWED[from].join(', ')}.`,
    );
    expect(dataCentre.status).toBe(from);
  });

  it('moves a planned opening date', () => {
    const dataCentre = existing('planned');
    dataCentre.changeStatus('planned', '2027-09-01', 'Power delivery late.');
    expect(dataCentre.toState().availableFrom).toBe('2027-09-01');
  });

  it('needs a date to stay planned and refuses one for any other status', () => {
    expect(refusal(() => existing('planned').changeStatus('planned', null, null)).code).toBe('available-from-required');
    expect(refusal(() => existing('planned').changeStatus('active', '2027-01-01', null)).code).toBe(
      'available-from-only-when-planned',
    );
  });

  it('clears the opening date and the old reason when a planned site opens', () => {
    const dataCentre = existing('planned', { statusReason: 'Waiting for power.' });
    dataCentre.changeStatus('active', null, null);
    expect(dataCentre.toState()).toMatchObject({ status: 'active', availableFrom: null, statusReason: null });
  });
});

describe('DataCentre.changeCapacity', () => {
  it('changes only the pools named', () => {
    const dataCentre = existing('active');
    dataCentre.changeCapacity({ vcpu: 200 });
    expect(dataCentre.toState().capacity).toEqual({ ...capacity, vcpu: 200 });
  });

  it('shrinks down to exactly what is in use', () => {
    const dataCentre = existing('active');
    dataCentre.changeCapacity({ vcpu: 40, publicIps: 16 });
    expect(dataCentre.toState().capacity).toMatchObject({ vcpu: 40, publicIps: 16 });
  });

  it('refuses to shrink below use and leaves the totals as they were', () => {
    const dataCentre = existing('active');
    const error = refusal(() => dataCentre.changeCapacity({ vcpu: 39, memoryGib: 1000 }));
    expect(error.code).toBe('capacity-below-utilisation');
    expect(error.extensions).toEqual({ pools: ['vcpu'] });
    expect(dataCentre.toState().capacity).toEqual(capacity);
  });

  it('keeps a pool whose change is present but undefined', () => {
    const dataCentre = existing('active');
    dataCentre.changeCapacity({ vcpu: undefined, memoryGib: 500 });
    expect(dataCentre.toState().capacity).toEqual({ ...capacity, memoryGib: 500 });
  });

  it('keeps its own copy of the capacity it was registered with', () => {
    const given = { ...capacity };
    const dataCentre = DataCentre.register(input({ capacity: given }), china, chinaTelecom);
    given.vcpu = 0;
    expect(dataCentre.toState().capacity.vcpu).toBe(100);
  });

  it('hands out copies: changing the returned state changes nothing', () => {
    const dataCentre = existing('active');
    dataCentre.toState().capacity.vcpu = 0;
    expect(dataCentre.toState().capacity.vcpu).toBe(100);
  });
});
