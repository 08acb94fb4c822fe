import { ApiProperty } from '@nestjs/swagger';
import { RESIDENCY_REQUIREMENTS, type ResidencyRequirement } from '../domain/vocabulary.js';
import type { JurisdictionRow } from '../persistence/catalogue.entities.js';

export class JurisdictionResponse {
  @ApiProperty({ example: 'CN' }) country: string;
  @ApiProperty({ example: 'China' }) name: string;
  @ApiProperty({ example: 'east-asia' }) regionCode: string;
  @ApiProperty() providerMayOwnDataCentres: boolean;
  @ApiProperty({ example: 'Foreigners may not own data centres in China.' }) ownershipRationale: string;
  @ApiProperty({ enum: RESIDENCY_REQUIREMENTS }) defaultResidency: ResidencyRequirement;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export const toJurisdictionResponse = (row: JurisdictionRow): JurisdictionResponse => ({
  country: row.country,
  name: row.name,
  regionCode: row.regionCode,
  providerMayOwnDataCentres: row.providerMayOwnDataCentres,
  ownershipRationale: row.ownershipRationale,
  defaultResidency: row.defaultResidency as ResidencyRequirement,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
