import { ApiProperty } from '@nestjs/swagger';
import { OS_FAMILIES, type OsFamily } from '../domain/vocabulary.js';
import type { ImageRow } from '../persistence/catalogue.entities.js';

export class ImageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Ubuntu 24.04 LTS' }) name: string;
  @ApiProperty({ enum: OS_FAMILIES }) osFamily: OsFamily;
  @ApiProperty({ example: 'Canonical' }) vendor: string;
  @ApiProperty({ example: '24.04' }) version: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const toImageResponse = (row: ImageRow): ImageResponse => ({
  id: row.id,
  name: row.name,
  osFamily: row.osFamily as OsFamily,
  vendor: row.vendor,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});
