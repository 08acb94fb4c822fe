import { ApiProperty } from '@nestjs/swagger';
import type { RegionRow } from '../persistence/catalogue.entities.js';

export class RegionResponse {
  @ApiProperty({ example: 'east-asia' }) code: string;
  @ApiProperty({ example: 'East Asia' }) name: string;
  @ApiProperty() createdAt: string;
}

export const toRegionResponse = (row: RegionRow): RegionResponse => ({
  code: row.code,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});
