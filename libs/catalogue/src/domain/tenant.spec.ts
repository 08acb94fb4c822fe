import { describe, expect, it } from '@jest/globals';
import { InvalidTransitionError } from '#libs/core/src/domain/domain-error.js';
import type { Jurisdiction } from './jurisdiction.js';
import { type RegisterTenant, Tenant } from './tenant.js';

const china: Jurisdiction = {
  country: 'CN',
  name: 'China',
  regionCode: 'east-asia',
  providerMayOwnDataCentres: false,
  ownershipRationale: 'Foreigners may not own data centres in China.',
  defaultResidency: 'in-country',
};

const input: RegisterTenant = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5',
  name: 'Bank of Shanghai',
  homeCountry: 'CN',
  segment: 'enterprise-large',
  sector: 'financial',
  quotas: { vcpu: 64, memoryGib: 256, storageGib: 2048, vms: 20 },
};

describe('Tenant', () => {
  describe('register', () => {
    it('takes the residency requirement from the home jurisdiction when none is given', () => {
      const tenant = Tenant.register(input, china);
      expect(tenant.toState()).toMatchObject({ residency: 'in-country', status: 'active', suspendedReason: null, version: 0 });
    });

    it('keeps an explicit residency requirement over the jurisdiction default', () => {
      expect(Tenant.register({ ...input, residency: 'none' }, china).toState().residency).toBe('none');
      expect(Tenant.register({ ...input, residency: 'in-region' }, china).toState().residency).toBe('in-region');
    });

    it('does not share the quotas object with the caller', () => {
      const quotas = { ...input.quotas };
      const tenant = Tenant.register({ ...input, quotas }, china);
      quotas.vcpu = 0;
      expect(tenant.toState().quotas.vcpu).toBe(64);
    });
  });

  describe('suspend and resume', () => {
    it('suspends an active tenant with its reason, and resumes it clearing the reason', () => {
      const tenant = Tenant.register(input, china);
      tenant.suspend('Invoices unpaid for 90 days.');
      expect(tenant.toState()).toMatchObject({ status: 'suspended', suspendedReason: 'Invoices unpaid for 90 days.' });
      tenant.resume();
      expect(tenant.toState()).toMatchObject({ status: 'active', suspendedReason: null });
    });

    it('refuses to suspend a suspended tenant and keeps the first reason', () => {
      const tenant = Tenant.register(input, china);
      tenant.suspend('first');
      expect(() => tenant.suspend('second')).toThrow(InvalidTransitionError);
      expect(() => tenant.suspend('second')).toThrow("A tenant cannot go from 'suspended' to 'suspended'. It is already suspended.");
      expect(tenant.toState().suspendedReason).toBe('first');
    });

    it('refuses to resume an active tenant', () => {
      const tenant = Tenant.register(input, china);
      expect(() => tenant.resume()).toThrow(InvalidTransitionError);
      expect(tenant.toState().status).toBe('active');
    });

    it('leaves the version to the repository: transitions do not bump it', () => {
      const tenant = Tenant.fromState({ ...Tenant.register(input, china).toState(), version: 7 });
      tenant.suspend('audit');
      expect(tenant.version).toBe(7);
    });
  });

  describe('changeQuotas', () => {
    it('changes only the quotas given', () => {
      const tenant = Tenant.register(input, china);
      tenant.changeQuotas({ vcpu: 128, vms: 0 });
      expect(tenant.toState().quotas).toEqual({ vcpu: 128, memoryGib: 256, storageGib: 2048, vms: 0 });
    });

    it('treats a quota given as undefined as unchanged', () => {
      const tenant = Tenant.register(input, china);
      tenant.changeQuotas({ vcpu: undefined, memoryGib: 512 });
      expect(tenant.toState().quotas).toEqual({ vcpu: 64, memoryGib: 512, storageGib: 2048, vms: 20 });
    });

    it('changes quotas of a suspended tenant too', () => {
      const tenant = Tenant.register(input, china);
      tenant.suspend('audit');
      tenant.changeQuotas({ storageGib: 10 });
      expect(tenant.toState()).toMatchObject({ status: 'suspended', quotas: { storageGib: 10 } });
    });

    it('hands out copies: mutating the state read back does not change the tenant', () => {
      const tenant = Tenant.register(input, china);
      tenant.toState().quotas.vcpu = 1;
      expect(tenant.toState().quotas.vcpu).toBe(64);
    });
  });
});
