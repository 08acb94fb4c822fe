import type { PartnerKind } from './vocabulary.js';

/** The operator of record of data centres: the provider itself or a local partner. */
export interface Partner {
  code: string;
  name: string;
  kind: PartnerKind;
  /** Where a local partner is licensed to operate; null for the provider. */
  country: string | null;
}
