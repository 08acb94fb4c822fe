import { Injectable } from '@nestjs/common';
import { callIdentity, type PartnerCall } from '../domain/call-identity.js';
import { type Random, randomOutage } from '../domain/call-plan.js';
import { SimulatedOutageError } from '../domain/partner-sim.errors.js';
import { CallTargets, ProfileRepository, RandomSource } from '../domain/partner-sim.ports.js';
import { DEFAULT_PROFILE, type SimulationProfile } from '../domain/profile.js';
import { type CallDraws, seededCallDraws } from '../domain/seeded-draws.js';
import { CallOrdinals } from './call-ordinals.js';

/** A call the partner let through. */
export interface Admission {
  profile: SimulationProfile;
  /** The draws for the operation the call may start: a fresh generator each time. */
  planDraws: () => Random;
}

/**
 * Where every call to a partner's API begins: the partner may be (simulated to be) down, in which
 * case the call is refused before it does anything. The admin API never passes through here.
 * Under a seed, the call's draws follow its identity and ordinal (call-identity.ts), so the order
 * in which calls arrive does not change what each one meets.
 */
@Injectable()
export class PartnerGate {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly random: RandomSource,
    private readonly targets: CallTargets,
    private readonly ordinals: CallOrdinals,
  ) {}

  async admit(partner: string, call: PartnerCall): Promise<Admission> {
    const profile = (await this.profiles.find(partner)) ?? DEFAULT_PROFILE;
    const draws = profile.seed === null ? this.unseeded : await this.seeded(partner, profile.seed, call);
    const outage = randomOutage(profile, draws.admit);
    if (outage) throw new SimulatedOutageError(partner, outage);
    return { profile, planDraws: draws.plan };
  }

  private async seeded(partner: string, seed: number, call: PartnerCall): Promise<CallDraws> {
    const identity = callIdentity(call, await this.targetOf(partner, call));
    return seededCallDraws(seed, partner, identity, this.ordinals.next(partner, identity));
  }

  /**
   * Read from the database rather than remembered from the create: the identity then survives a
   * restart, holds across simulator processes on one database and for resources made before the
   * seed was set, and costs unseeded partners nothing.
   */
  private targetOf(partner: string, call: PartnerCall) {
    switch (call.action) {
      case 'delete':
      case 'power-on':
        return this.targets.resource(partner, call.resourceId);
      case 'poll':
        return this.targets.operation(partner, call.operationId);
      default:
        return Promise.resolve(null);
    }
  }

  private readonly unseeded: CallDraws = { admit: () => this.random.next(), plan: () => () => this.random.next() };
}
