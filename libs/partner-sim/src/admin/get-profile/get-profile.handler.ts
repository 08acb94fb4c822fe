import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProfileRepository } from '../../domain/partner-sim.ports.js';
import { DEFAULT_PROFILE } from '../../domain/profile.js';
import { type ProfileResponse, toProfileResponse } from '../profile.response.js';
import { GetProfileQuery } from './get-profile.query.js';

@QueryHandler(GetProfileQuery)
export class GetProfileHandler implements IQueryHandler<GetProfileQuery> {
  constructor(private readonly profiles: ProfileRepository) {}

  async execute({ partner }: GetProfileQuery): Promise<ProfileResponse> {
    const profile = await this.profiles.find(partner);
    return toProfileResponse(partner, profile ?? DEFAULT_PROFILE, profile !== null);
  }
}
