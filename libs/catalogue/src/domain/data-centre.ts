import { InvalidTransitionError, RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import { assertCapacityCovers, CAPACITY_POOLS, type CapacityPools, NO_CAPACITY } from './capacity.js';
import type { Jurisdiction } from './jurisdiction.js';
import type { Partner } from './partner.js';
import type { DataCentreStatus, Ownership, Service } from './vocabulary.js';

export interface DataCentreProps {
  code: string;
  name: string;
  country: string;
  operatorCode: string;
  ownership: Ownership;
  services: Service[];
  capacity: CapacityPools;
  used: CapacityPools;
  status: DataCentreStatus;
  /** Only for `planned`: the first day the site takes work. */
  availableFrom: string | null;
  statusReason: string | null;
  version: number;
}

export interface RegisterDataCentre {
  code: string;
  name: string;
  country: string;
  ownership: Ownership;
  services: Service[];
  capacity: CapacityPools;
  status: DataCentreStatus;
  availableFrom: string | null;
}

/** Which status may follow which; everything else is refused. */
const NEXT_STATUSES: Record<DataCentreStatus, readonly DataCentreStatus[]> = {
  planned: ['planned', 'active', 'offline'],
  active: ['maintenance', 'offline'],
  maintenance: ['active', 'offline'],
  offline: ['active', 'maintenance'],
};

export class DataCentre {
  private constructor(private props: DataCentreProps) {}

  static fromState(props: DataCentreProps): DataCentre {
    return new DataCentre({ ...props });
  }

  /**
   * The rules of registration: the jurisdiction must allow the ownership model, and the operator
   * must be the kind of partner that ownership model implies.
   */
  static register(input: RegisterDataCentre, jurisdiction: Jurisdiction, operator: Partner): DataCentre {
    if (input.ownership === 'owned') {
      if (!jurisdiction.providerMayOwnDataCentres) {
        throw new RuleViolationError(
          'ownership-not-allowed',
          `The provider may not own a data centre in ${jurisdiction.name} (${jurisdiction.country}): ` +
            `${jurisdiction.ownershipRationale} Register it as 'partner-operated' with a local partner as operator.`,
          { rule: `jurisdiction:${jurisdiction.country}:provider-may-own-data-centres`, country: jurisdiction.country },
        );
      }
      if (operator.kind !== 'provider') {
        throw new RuleViolationError(
          'operator-mismatch',
          `An owned data centre is operated by the provider itself, but '${operator.code}' is a local partner.`,
          { operator: operator.code },
        );
      }
    } else {
      if (operator.kind !== 'local-partner') {
        throw new RuleViolationError(
          'operator-mismatch',
          `A partner-operated data centre needs a local partner as operator, but '${operator.code}' is the provider.`,
          { operator: operator.code },
        );
      }
      if (operator.country !== null && operator.country !== input.country) {
        throw new RuleViolationError(
          'operator-outside-country',
          `Partner '${operator.code}' operates in ${operator.country}, not in ${input.country}.`,
          { operator: operator.code, country: input.country },
        );
      }
    }
    DataCentre.assertStatusDate(input.code, input.status, input.availableFrom);
    return new DataCentre({
      ...input,
      services: [...new Set(input.services)].sort(),
      capacity: { ...input.capacity },
      operatorCode: operator.code,
      used: { ...NO_CAPACITY },
      statusReason: null,
      version: 0,
    });
  }

  private static assertStatusDate(code: string, status: DataCentreStatus, availableFrom: string | null): void {
    if (status === 'planned' && availableFrom === null) {
      throw new RuleViolationError(
        'available-from-required',
        `A planned data centre needs an 'availableFrom' date: when does '${code}' open?`,
      );
    }
    if (status !== 'planned' && availableFrom !== null) {
      throw new RuleViolationError(
        'available-from-only-when-planned',
        `'availableFrom' applies to planned data centres only; '${code}' would be '${status}'.`,
      );
    }
  }

  get code(): string {
    return this.props.code;
  }

  get status(): DataCentreStatus {
    return this.props.status;
  }

  get version(): number {
    return this.props.version;
  }

  toState(): DataCentreProps {
    return { ...this.props, capacity: { ...this.props.capacity }, used: { ...this.props.used } };
  }

  changeStatus(to: DataCentreStatus, availableFrom: string | null, reason: string | null): void {
    if (!NEXT_STATUSES[this.props.status].includes(to)) {
      throw new InvalidTransitionError(
        'data centre',
        this.props.status,
        to,
        `From '${this.props.status}' it may go to: ${NEXT_STATUSES[this.props.status].join(', ')}.`,
      );
    }
    DataCentre.assertStatusDate(this.props.code, to, availableFrom);
    this.props = { ...this.props, status: to, availableFrom, statusReason: reason };
  }

  changeCapacity(changes: Partial<CapacityPools>): void {
    // A key present but undefined must keep the stored total, not erase it (a spread would).
    const capacity = { ...this.props.capacity };
    for (const pool of CAPACITY_POOLS) capacity[pool] = changes[pool] ?? capacity[pool];
    assertCapacityCovers(capacity, this.props.used, this.props.code);
    this.props = { ...this.props, capacity };
  }
}
