import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProfileRepository } from '../domain/partner-sim.ports.js';
import type { SimulationProfile } from '../domain/profile.js';
import { PARTNER_SIM_DATA_SOURCE } from './partner-sim-data-source.js';
import { ProfileRow } from './partner-sim.entities.js';
import { profileMapper } from './partner-sim.mappers.js';

/**
 * Every partner call reads its partner's profile, so reads are cached briefly. This process's own
 * changes take effect at once; another simulator process on the same database sees them within
 * CACHE_MS.
 */
const CACHE_MS = 1000;

@Injectable()
export class TypeOrmProfileRepository extends ProfileRepository {
  private readonly cache = new Map<string, { profile: SimulationProfile | null; until: number }>();

  constructor(@InjectRepository(ProfileRow, PARTNER_SIM_DATA_SOURCE) private readonly rows: Repository<ProfileRow>) {
    super();
  }

  async find(partner: string): Promise<SimulationProfile | null> {
    const cached = this.cache.get(partner);
    if (cached && cached.until > Date.now()) return cached.profile;
    const row = await this.rows.findOneBy({ partner });
    const profile = row && profileMapper.toDomain(row);
    this.cache.set(partner, { profile, until: Date.now() + CACHE_MS });
    return profile;
  }

  async save(partner: string, profile: SimulationProfile): Promise<void> {
    this.cache.delete(partner);
    await this.rows
      .createQueryBuilder()
      .insert()
      .values({ ...profileMapper.toPersistence(partner, profile), updatedAt: () => 'now()' })
      .orUpdate(['latency_ms', 'jitter_ms', 'transient_failure_rate', 'permanent_failure_rate', 'seed', 'updated_at'], ['partner'])
      .execute();
    this.cache.delete(partner);
  }

  async remove(partner: string): Promise<void> {
    this.cache.delete(partner);
    await this.rows.delete({ partner });
    this.cache.delete(partner);
  }
}
