import { InvalidTransitionError } from '#libs/core/src/domain/domain-error.js';
import type { Jurisdiction } from './jurisdiction.js';
import type { ResidencyRequirement, TenantSector, TenantSegment, TenantStatus } from './vocabulary.js';

export interface TenantQuotas {
  vcpu: number;
  memoryGib: number;
  storageGib: number;
  vms: number;
}

export interface TenantProps {
  id: string;
  name: string;
  homeCountry: string;
  segment: TenantSegment;
  sector: TenantSector;
  residency: ResidencyRequirement;
  quotas: TenantQuotas;
  status: TenantStatus;
  suspendedReason: string | null;
  version: number;
}

export interface RegisterTenant {
  id: string;
  name: string;
  homeCountry: string;
  segment: TenantSegment;
  sector: TenantSector;
  /** Omitted: the home jurisdiction's default applies. */
  residency?: ResidencyRequirement;
  quotas: TenantQuotas;
}

export class Tenant {
  private constructor(private props: TenantProps) {}

  static fromState(props: TenantProps): Tenant {
    return new Tenant({ ...props });
  }

  static register(input: RegisterTenant, home: Jurisdiction): Tenant {
    return new Tenant({
      ...input,
      residency: input.residency ?? home.defaultResidency,
      quotas: { ...input.quotas },
      status: 'active',
      suspendedReason: null,
      version: 0,
    });
  }

  get id(): string {
    return this.props.id;
  }

  get version(): number {
    return this.props.version;
  }

  toState(): TenantProps {
    return { ...this.props, quotas: { ...this.props.quotas } };
  }

  suspend(reason: string): void {
    if (this.props.status === 'suspended') {
      throw new InvalidTransitionError('tenant', 'suspended', 'suspended', 'It is already suspended.');
    }
    this.props = { ...this.props, status: 'suspended', suspendedReason: reason };
  }

  resume(): void {
    if (this.props.status === 'active') {
      throw new InvalidTransitionError('tenant', 'active', 'active', 'It is not suspended.');
    }
    this.props = { ...this.props, status: 'active', suspendedReason: null };
  }

  changeQuotas(changes: Partial<TenantQuotas>): void {
    // A key present with `undefined` means "unchanged"; spreading it would blank the quota.
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    this.props = { ...this.props, quotas: { ...this.props.quotas, ...given } };
  }
}
