import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_KINDS, type PartnerKind } from '../domain/vocabulary.js';
import type { PartnerRow } from '../persistence/catalogue.entities.js';

export class PartnerResponse {
  @ApiProperty({ example: 'china-telecom' }) code: string;
  @ApiProperty({ example: 'China Telecom' }) name: string;
  @ApiProperty({ enum: PARTNER_KINDS }) kind: PartnerKind;
  @ApiProperty({ type: String, nullable: true, example: 'CN' }) country: string | null;
  @ApiProperty() createdAt: string;
}

export const toPartnerResponse = (row: PartnerRow): PartnerResponse => ({
  code: row.code,
  name: row.name,
  kind: row.kind as PartnerKind,
  country: row.country,
  createdAt: row.createdAt.toISOString(),
});
