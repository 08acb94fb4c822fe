import { ApiProperty } from '@nestjs/swagger';
import type { SimulationProfile } from '../domain/profile.js';

export class ProfileResponse {
  @ApiProperty({ example: 'china-telecom' }) partner: string;
  @ApiProperty({ example: 800 }) latencyMs: number;
  @ApiProperty({ example: 200 }) jitterMs: number;
  @ApiProperty({ example: 0.05 }) transientFailureRate: number;
  @ApiProperty({ example: 0.01 }) permanentFailureRate: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 42, description: 'Null: unseeded, draws from Math.random.' }) seed: number | null;
  @ApiProperty({ description: 'False: nobody configured this partner, which behaves as the defaults shown.' }) configured: boolean;
}

export const toProfileResponse = (partner: string, profile: SimulationProfile, configured: boolean): ProfileResponse => ({
  partner,
  ...profile,
  configured,
});
