import { DataCentre } from '../domain/data-centre.js';
import type { Image, Size } from '../domain/image.js';
import type { Jurisdiction, Region, StoredJurisdiction } from '../domain/jurisdiction.js';
import type { Partner } from '../domain/partner.js';
import { Tenant } from '../domain/tenant.js';
import type {
  DataCentreStatus,
  OsFamily,
  Ownership,
  PartnerKind,
  ResidencyRequirement,
  Service,
  TenantSector,
  TenantSegment,
  TenantStatus,
} from '../domain/vocabulary.js';
import type { DataCentreRow, ImageRow, JurisdictionRow, PartnerRow, RegionRow, SizeRow, TenantRow } from './catalogue.entities.js';

// Rows hold plain text where the domain has closed vocabularies; the CHECK constraints of the
// migration guarantee the casts below.

export const regionMapper = {
  toDomain: (row: RegionRow): Region => ({ code: row.code, name: row.name }),
  toPersistence: (region: Region): Partial<RegionRow> => ({ ...region }),
};

export const jurisdictionMapper = {
  toDomain: (row: JurisdictionRow): StoredJurisdiction => ({
    country: row.country,
    name: row.name,
    regionCode: row.regionCode,
    providerMayOwnDataCentres: row.providerMayOwnDataCentres,
    ownershipRationale: row.ownershipRationale,
    defaultResidency: row.defaultResidency as ResidencyRequirement,
    version: row.version,
  }),
  toPersistence: (jurisdiction: Jurisdiction | StoredJurisdiction): Partial<JurisdictionRow> => ({ ...jurisdiction }),
};

export const partnerMapper = {
  toDomain: (row: PartnerRow): Partner => ({
    code: row.code,
    name: row.name,
    kind: row.kind as PartnerKind,
    country: row.country,
  }),
  toPersistence: (partner: Partner): Partial<PartnerRow> => ({ ...partner }),
};

export const dataCentreMapper = {
  toDomain: (row: DataCentreRow): DataCentre =>
    DataCentre.fromState({
      code: row.code,
      name: row.name,
      country: row.country,
      operatorCode: row.operatorCode,
      ownership: row.ownership as Ownership,
      services: row.services as Service[],
      capacity: {
        vcpu: row.capacityVcpu,
        memoryGib: row.capacityMemoryGib,
        storageGib: row.capacityStorageGib,
        publicIps: row.capacityPublicIps,
      },
      used: {
        vcpu: row.usedVcpu,
        memoryGib: row.usedMemoryGib,
        storageGib: row.usedStorageGib,
        publicIps: row.usedPublicIps,
      },
      status: row.status as DataCentreStatus,
      availableFrom: row.availableFrom,
      statusReason: row.statusReason,
      version: row.version,
    }),
  toPersistence: (dataCentre: DataCentre): Partial<DataCentreRow> => {
    const state = dataCentre.toState();
    return {
      code: state.code,
      name: state.name,
      country: state.country,
      operatorCode: state.operatorCode,
      ownership: state.ownership,
      services: state.services,
      capacityVcpu: state.capacity.vcpu,
      capacityMemoryGib: state.capacity.memoryGib,
      capacityStorageGib: state.capacity.storageGib,
      capacityPublicIps: state.capacity.publicIps,
      // No used_*: the capacity ledger owns them. Writing back what was read would undo a hold made meanwhile.
      status: state.status,
      availableFrom: state.availableFrom,
      statusReason: state.statusReason,
      version: state.version,
    };
  },
};

export const tenantMapper = {
  toDomain: (row: TenantRow): Tenant =>
    Tenant.fromState({
      id: row.id,
      name: row.name,
      homeCountry: row.homeCountry,
      segment: row.segment as TenantSegment,
      sector: row.sector as TenantSector,
      residency: row.residency as ResidencyRequirement,
      quotas: {
        vcpu: row.quotaVcpu,
        memoryGib: row.quotaMemoryGib,
        storageGib: row.quotaStorageGib,
        vms: row.quotaVms,
      },
      status: row.status as TenantStatus,
      suspendedReason: row.suspendedReason,
      version: row.version,
    }),
  toPersistence: (tenant: Tenant): Partial<TenantRow> => {
    const state = tenant.toState();
    return {
      id: state.id,
      name: state.name,
      homeCountry: state.homeCountry,
      segment: state.segment,
      sector: state.sector,
      residency: state.residency,
      quotaVcpu: state.quotas.vcpu,
      quotaMemoryGib: state.quotas.memoryGib,
      quotaStorageGib: state.quotas.storageGib,
      quotaVms: state.quotas.vms,
      status: state.status,
      suspendedReason: state.suspendedReason,
      version: state.version,
    };
  },
};

export const imageMapper = {
  toDomain: (row: ImageRow): Image => ({
    id: row.id,
    name: row.name,
    osFamily: row.osFamily as OsFamily,
    vendor: row.vendor,
    version: row.version,
  }),
  toPersistence: (image: Image): Partial<ImageRow> => ({ ...image }),
};

export const sizeMapper = {
  toDomain: (row: SizeRow): Size => ({ code: row.code, name: row.name, vcpu: row.vcpu, memoryGib: row.memoryGib }),
  toPersistence: (size: Size): Partial<SizeRow> => ({ ...size }),
};
