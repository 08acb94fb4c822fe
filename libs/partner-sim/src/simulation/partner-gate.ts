import { Injectable } from '@nestjs/common';
import { randomOutage } from '../domain/call-plan.js';
import { SimulatedOutageError } from '../domain/partner-sim.errors.js';
import { ProfileRepository, RandomSource } from '../domain/partner-sim.ports.js';
import { DEFAULT_PROFILE, type SimulationProfile } from '../domain/profile.js';

/**
 * Where every call to a partner's API begins: the partner may be (simulated to be) down, in which
 * case the call is refused before it does anything. The admin API never passes through here.
 */
@Injectable()
export class PartnerGate {
  constructor(
    private readonly profiles: ProfileRepository,
    private readonly random: RandomSource,
  ) {}

  /** The partner's profile, for the call that was let through. */
  async admit(partner: string): Promise<SimulationProfile> {
    const profile = (await this.profiles.find(partner)) ?? DEFAULT_PROFILE;
    const outage = randomOutage(profile, () => this.random.next());
    if (outage) throw new SimulatedOutageError(partner, outage);
    return profile;
  }
}
