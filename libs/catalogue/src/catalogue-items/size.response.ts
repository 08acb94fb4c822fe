import { ApiProperty } from '@nestjs/swagger';
import type { SizeRow } from '../persistence/catalogue.entities.js';

export class SizeResponse {
  @ApiProperty({ example: 'm1.large' }) code: string;
  @ApiProperty({ example: 'Large (4 vCPU, 16 GiB)' }) name: string;
  @ApiProperty({ type: 'integer', example: 4 }) vcpu: number;
  @ApiProperty({ type: 'integer', example: 16 }) memoryGib: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export const toSizeResponse = (row: SizeRow): SizeResponse => ({
  code: row.code,
  name: row.name,
  vcpu: row.vcpu,
  memoryGib: row.memoryGib,
  createdAt: row.createdAt.toISOString(),
});
