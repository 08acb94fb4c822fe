import type { DataCentre } from './data-centre.js';
import type { Image, Size } from './image.js';
import type { Jurisdiction, Region, StoredJurisdiction } from './jurisdiction.js';
import type { Partner } from './partner.js';
import type { Tenant } from './tenant.js';

// Ports: abstract classes double as DI tokens; ../persistence implements them with TypeORM.
// `insert` raises DuplicateError on a taken key; `update` raises a ConcurrentUpdateError when the
// stored version is not the one the aggregate was loaded with (compare-and-set, never blind writes).

export abstract class RegionRepository {
  abstract find(code: string): Promise<Region | null>;
  abstract insert(region: Region): Promise<void>;
}

export abstract class JurisdictionRepository {
  abstract find(country: string): Promise<StoredJurisdiction | null>;
  abstract insert(jurisdiction: Jurisdiction): Promise<void>;
  abstract update(jurisdiction: StoredJurisdiction): Promise<void>;
}

export abstract class PartnerRepository {
  abstract find(code: string): Promise<Partner | null>;
  abstract insert(partner: Partner): Promise<void>;
}

export abstract class DataCentreRepository {
  abstract find(code: string): Promise<DataCentre | null>;
  abstract insert(dataCentre: DataCentre): Promise<void>;
  abstract update(dataCentre: DataCentre): Promise<void>;
}

export abstract class TenantRepository {
  abstract find(id: string): Promise<Tenant | null>;
  abstract insert(tenant: Tenant): Promise<void>;
  abstract update(tenant: Tenant): Promise<void>;
}

export abstract class ImageRepository {
  abstract insert(image: Image): Promise<void>;
}

export abstract class SizeRepository {
  abstract insert(size: Size): Promise<void>;
}
