import { Injectable } from '@nestjs/common';

/**
 * How many calls with each identity each partner has had since its profile was last set: the
 * ordinal that makes a retry of a call draw anew under a seed. In memory, so it counts per
 * simulator process and from zero again after a restart; the counts of a partner are as many as
 * the distinct calls it had, and go when its profile is set again.
 */
@Injectable()
export class CallOrdinals {
  private readonly byPartner = new Map<string, Map<string, number>>();

  /** This call's ordinal: 0 for the first call with its identity. */
  next(partner: string, identity: string): number {
    let counts = this.byPartner.get(partner);
    if (!counts) this.byPartner.set(partner, (counts = new Map()));
    const ordinal = counts.get(identity) ?? 0;
    counts.set(identity, ordinal + 1);
    return ordinal;
  }

  /** The partner's profile was set or reset: its calls count from zero again. */
  restart(partner: string): void {
    this.byPartner.delete(partner);
  }
}
