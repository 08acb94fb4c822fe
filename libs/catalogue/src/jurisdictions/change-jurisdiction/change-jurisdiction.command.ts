import { Command } from '@nestjs/cqrs';
import type { Jurisdiction } from '../../domain/jurisdiction.js';

/** The rules of a country that operators may change; the country and its region stay. */
export type JurisdictionChanges = Partial<
  Pick<Jurisdiction, 'name' | 'providerMayOwnDataCentres' | 'ownershipRationale' | 'defaultResidency'>
>;

export class ChangeJurisdictionCommand extends Command<void> {
  constructor(
    readonly country: string,
    readonly changes: JurisdictionChanges,
  ) {
    super();
  }
}
