import type { ResidencyRequirement } from './vocabulary.js';

/**
 * The law of one country as the control plane needs it. Rules are data: operators change them
 * through the API, no release needed.
 */
export interface Jurisdiction {
  country: string;
  name: string;
  regionCode: string;
  providerMayOwnDataCentres: boolean;
  /** Why ownership is (not) allowed; quoted back when a registration is refused. */
  ownershipRationale: string;
  defaultResidency: ResidencyRequirement;
}

/** As stored: the version guards concurrent rule changes (compare-and-set). */
export type StoredJurisdiction = Jurisdiction & { version: number };

export interface Region {
  code: string;
  name: string;
}
