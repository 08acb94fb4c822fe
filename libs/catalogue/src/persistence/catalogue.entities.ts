import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// Table rows only: the domain types in ../domain never see these classes (mappers convert).

@Entity({ name: 'regions' })
export class RegionRow {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'jurisdictions' })
export class JurisdictionRow {
  @PrimaryColumn('char', { length: 2 }) country: string;
  @Column('text') name: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('boolean', { name: 'provider_may_own_data_centres' }) providerMayOwnDataCentres: boolean;
  @Column('text', { name: 'ownership_rationale' }) ownershipRationale: string;
  @Column('text', { name: 'default_residency' }) defaultResidency: string;
  @Column('integer') version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'partners' })
export class PartnerRow {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') kind: string;
  @Column('char', { length: 2, nullable: true }) country: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'data_centres' })
export class DataCentreRow {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('char', { length: 2 }) country: string;
  @Column('text', { name: 'operator_code' }) operatorCode: string;
  @Column('text') ownership: string;
  @Column('text', { array: true }) services: string[];
  @Column('integer', { name: 'capacity_vcpu' }) capacityVcpu: number;
  @Column('integer', { name: 'capacity_memory_gib' }) capacityMemoryGib: number;
  @Column('integer', { name: 'capacity_storage_gib' }) capacityStorageGib: number;
  @Column('integer', { name: 'capacity_public_ips' }) capacityPublicIps: number;
  // Kept by the capacity ledger's conditional updates only: the catalogue reads them, never writes them.
  @Column({ type: 'integer', name: 'used_vcpu', insert: false, update: false }) usedVcpu: number;
  @Column({ type: 'integer', name: 'used_memory_gib', insert: false, update: false }) usedMemoryGib: number;
  @Column({ type: 'integer', name: 'used_storage_gib', insert: false, update: false }) usedStorageGib: number;
  @Column({ type: 'integer', name: 'used_public_ips', insert: false, update: false }) usedPublicIps: number;
  @Column('text') status: string;
  @Column('date', { name: 'available_from', nullable: true }) availableFrom: string | null;
  @Column('text', { name: 'status_reason', nullable: true }) statusReason: string | null;
  @Column('integer') version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'tenants' })
export class TenantRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('char', { length: 2, name: 'home_country' }) homeCountry: string;
  @Column('text') segment: string;
  @Column('text') sector: string;
  @Column('text') residency: string;
  @Column('integer', { name: 'quota_vcpu' }) quotaVcpu: number;
  @Column('integer', { name: 'quota_memory_gib' }) quotaMemoryGib: number;
  @Column('integer', { name: 'quota_storage_gib' }) quotaStorageGib: number;
  @Column('integer', { name: 'quota_vms' }) quotaVms: number;
  // Kept by the capacity ledger's conditional updates only: the catalogue reads them, never writes them.
  @Column({ type: 'integer', name: 'used_vcpu', insert: false, update: false }) usedVcpu: number;
  @Column({ type: 'integer', name: 'used_memory_gib', insert: false, update: false }) usedMemoryGib: number;
  @Column({ type: 'integer', name: 'used_storage_gib', insert: false, update: false }) usedStorageGib: number;
  @Column({ type: 'integer', name: 'used_vms', insert: false, update: false }) usedVms: number;
  @Column('text') status: string;
  @Column('text', { name: 'suspended_reason', nullable: true }) suspendedReason: string | null;
  @Column('integer') version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'images' })
export class ImageRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'os_family' }) osFamily: string;
  @Column('text') vendor: string;
  @Column('text') version: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity({ name: 'sizes' })
export class SizeRow {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('integer') vcpu: number;
  @Column('integer', { name: 'memory_gib' }) memoryGib: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const catalogueEntities = [RegionRow, JurisdictionRow, PartnerRow, DataCentreRow, TenantRow, ImageRow, SizeRow];
