import { ApiProperty } from '@nestjs/swagger';
import { type CapacityPools, freeCapacity, utilisation } from '../domain/capacity.js';
import {
  DATA_CENTRE_STATUSES,
  type DataCentreStatus,
  OWNERSHIPS,
  type Ownership,
  SERVICES,
  type Service,
} from '../domain/vocabulary.js';
import type { DataCentreRow } from '../persistence/catalogue.entities.js';

export class CapacityPoolsResponse {
  @ApiProperty({ type: 'integer', example: 2000 }) vcpu: number;
  @ApiProperty({ type: 'integer', example: 8000 }) memoryGib: number;
  @ApiProperty({ type: 'integer', example: 500000 }) storageGib: number;
  @ApiProperty({ type: 'integer', example: 256 }) publicIps: number;
}

/** Share of each pool in use, 0..1. */
export class UtilisationResponse {
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, example: 0.25 }) vcpu: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, example: 0.25 }) memoryGib: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, example: 0.25 }) storageGib: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 1, example: 0.25 }) publicIps: number;
}

export class DataCentreResponse {
  @ApiProperty({ example: 'cn-beijing-1' }) code: string;
  @ApiProperty({ example: 'Beijing 1' }) name: string;
  @ApiProperty({ example: 'CN' }) country: string;
  @ApiProperty({ example: 'china-telecom', description: 'Code of the partner operating the site.' }) operator: string;
  @ApiProperty({ enum: OWNERSHIPS }) ownership: Ownership;
  @ApiProperty({ enum: SERVICES, isArray: true }) services: Service[];
  @ApiProperty({ enum: DATA_CENTRE_STATUSES }) status: DataCentreStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Set while planned.' }) availableFrom: string | null;
  @ApiProperty({ type: String, nullable: true }) statusReason: string | null;
  @ApiProperty({ type: CapacityPoolsResponse, description: 'Total of each pool.' }) capacity: CapacityPoolsResponse;
  @ApiProperty({ type: CapacityPoolsResponse, description: 'Held or committed by workloads.' }) used: CapacityPoolsResponse;
  @ApiProperty({ type: CapacityPoolsResponse }) free: CapacityPoolsResponse;
  @ApiProperty({ type: UtilisationResponse }) utilisation: UtilisationResponse;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export function toDataCentreResponse(row: DataCentreRow): DataCentreResponse {
  const capacity: CapacityPools = {
    vcpu: row.capacityVcpu,
    memoryGib: row.capacityMemoryGib,
    storageGib: row.capacityStorageGib,
    publicIps: row.capacityPublicIps,
  };
  const used: CapacityPools = {
    vcpu: row.usedVcpu,
    memoryGib: row.usedMemoryGib,
    storageGib: row.usedStorageGib,
    publicIps: row.usedPublicIps,
  };
  return {
    code: row.code,
    name: row.name,
    country: row.country,
    operator: row.operatorCode,
    ownership: row.ownership as Ownership,
    services: row.services as Service[],
    status: row.status as DataCentreStatus,
    availableFrom: row.availableFrom,
    statusReason: row.statusReason,
    capacity,
    used,
    free: freeCapacity(capacity, used),
    utilisation: utilisation(capacity, used),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
