import { ApiProperty } from '@nestjs/swagger';
import {
  RESIDENCY_REQUIREMENTS,
  type ResidencyRequirement,
  TENANT_SECTORS,
  TENANT_SEGMENTS,
  TENANT_STATUSES,
  type TenantSector,
  type TenantSegment,
  type TenantStatus,
} from '../domain/vocabulary.js';
import type { TenantRow } from '../persistence/catalogue.entities.js';

export class TenantQuotasResponse {
  @ApiProperty({ type: 'integer', example: 64 }) vcpu: number;
  @ApiProperty({ type: 'integer', example: 256 }) memoryGib: number;
  @ApiProperty({ type: 'integer', example: 2048 }) storageGib: number;
  @ApiProperty({ type: 'integer', example: 20 }) vms: number;
}

export class TenantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Bank of Shanghai' }) name: string;
  @ApiProperty({ example: 'CN' }) homeCountry: string;
  @ApiProperty({ enum: TENANT_SEGMENTS }) segment: TenantSegment;
  @ApiProperty({ enum: TENANT_SECTORS }) sector: TenantSector;
  @ApiProperty({ enum: RESIDENCY_REQUIREMENTS }) residency: ResidencyRequirement;
  @ApiProperty({ type: TenantQuotasResponse }) quotas: TenantQuotasResponse;
  @ApiProperty({ type: TenantQuotasResponse, description: 'What its live reservations (held or committed) use of each quota.' })
  usage: TenantQuotasResponse;
  @ApiProperty({ enum: TENANT_STATUSES }) status: TenantStatus;
  @ApiProperty({ type: String, nullable: true }) suspendedReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export const toTenantResponse = (row: TenantRow): TenantResponse => ({
  id: row.id,
  name: row.name,
  homeCountry: row.homeCountry,
  segment: row.segment as TenantSegment,
  sector: row.sector as TenantSector,
  residency: row.residency as ResidencyRequirement,
  quotas: { vcpu: row.quotaVcpu, memoryGib: row.quotaMemoryGib, storageGib: row.quotaStorageGib, vms: row.quotaVms },
  usage: { vcpu: row.usedVcpu ?? 0, memoryGib: row.usedMemoryGib ?? 0, storageGib: row.usedStorageGib ?? 0, vms: row.usedVms ?? 0 },
  status: row.status as TenantStatus,
  suspendedReason: row.suspendedReason,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
