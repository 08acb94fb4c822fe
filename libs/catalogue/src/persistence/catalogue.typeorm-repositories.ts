import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ObjectLiteral, Repository } from 'typeorm';
import { ConcurrentUpdateError, DuplicateError } from '#libs/core/src/domain/domain-error.js';
import { isUniqueViolation, violatedConstraint } from '#libs/core/src/database/postgres-errors.js';
import {
  DataCentreRepository,
  ImageRepository,
  JurisdictionRepository,
  PartnerRepository,
  RegionRepository,
  SizeRepository,
  TenantRepository,
} from '../domain/catalogue.repositories.js';
import type { DataCentre } from '../domain/data-centre.js';
import type { Image, Size } from '../domain/image.js';
import type { Jurisdiction, Region, StoredJurisdiction } from '../domain/jurisdiction.js';
import type { Partner } from '../domain/partner.js';
import type { Tenant } from '../domain/tenant.js';
import { DataCentreRow, ImageRow, JurisdictionRow, PartnerRow, RegionRow, SizeRow, TenantRow } from './catalogue.entities.js';
import {
  dataCentreMapper,
  imageMapper,
  jurisdictionMapper,
  partnerMapper,
  regionMapper,
  sizeMapper,
  tenantMapper,
} from './catalogue.mappers.js';

/**
 * Inserts a row; a unique violation becomes a DuplicateError naming the clashing field.
 * Unique constraints other than the primary key are `<table>_name_key` unless listed.
 */
async function insertUnique<Row extends ObjectLiteral>(
  rows: Repository<Row>,
  row: Partial<Row>,
  resource: string,
  keyField: keyof Row & string,
  otherConstraints: Record<string, keyof Row & string> = {},
): Promise<void> {
  try {
    await rows.insert(row as never);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const constraint = violatedConstraint(error) ?? '';
    const field = constraint.endsWith('_pkey') ? keyField : (otherConstraints[constraint] ?? 'name');
    throw new DuplicateError(resource, field, String(row[field]));
  }
}

/** Compare-and-set on `version`: the write lands only if nobody wrote since we read. */
async function updateGuarded<Row extends ObjectLiteral>(
  rows: Repository<Row>,
  row: Partial<Row>,
  resource: string,
  keyField: keyof Row & string,
): Promise<void> {
  const { [keyField]: key, version, createdAt: _created, updatedAt: _updated, ...changes } = row as Record<string, unknown>;
  const result = await rows
    .createQueryBuilder()
    .update()
    .set({ ...changes, version: () => 'version + 1' } as never)
    .where(`${keyField} = :key AND version = :version`, { key, version })
    .execute();
  if (result.affected !== 1) throw new ConcurrentUpdateError(resource, String(key));
}

@Injectable()
export class TypeOrmRegionRepository extends RegionRepository {
  constructor(@InjectRepository(RegionRow) private readonly rows: Repository<RegionRow>) {
    super();
  }

  async find(code: string): Promise<Region | null> {
    const row = await this.rows.findOneBy({ code });
    return row && regionMapper.toDomain(row);
  }

  insert(region: Region): Promise<void> {
    return insertUnique(this.rows, regionMapper.toPersistence(region), 'region', 'code');
  }
}

@Injectable()
export class TypeOrmJurisdictionRepository extends JurisdictionRepository {
  constructor(@InjectRepository(JurisdictionRow) private readonly rows: Repository<JurisdictionRow>) {
    super();
  }

  async find(country: string): Promise<StoredJurisdiction | null> {
    const row = await this.rows.findOneBy({ country });
    return row && jurisdictionMapper.toDomain(row);
  }

  insert(jurisdiction: Jurisdiction): Promise<void> {
    return insertUnique(this.rows, jurisdictionMapper.toPersistence(jurisdiction), 'jurisdiction', 'country');
  }

  update(jurisdiction: StoredJurisdiction): Promise<void> {
    return updateGuarded(this.rows, jurisdictionMapper.toPersistence(jurisdiction), 'jurisdiction', 'country');
  }
}

@Injectable()
export class TypeOrmPartnerRepository extends PartnerRepository {
  constructor(@InjectRepository(PartnerRow) private readonly rows: Repository<PartnerRow>) {
    super();
  }

  async find(code: string): Promise<Partner | null> {
    const row = await this.rows.findOneBy({ code });
    return row && partnerMapper.toDomain(row);
  }

  insert(partner: Partner): Promise<void> {
    // There is one provider: a second one would make 'owned' ambiguous.
    return insertUnique(this.rows, partnerMapper.toPersistence(partner), 'partner', 'code', {
      partners_single_provider: 'kind',
    });
  }
}

@Injectable()
export class TypeOrmDataCentreRepository extends DataCentreRepository {
  constructor(@InjectRepository(DataCentreRow) private readonly rows: Repository<DataCentreRow>) {
    super();
  }

  async find(code: string): Promise<DataCentre | null> {
    const row = await this.rows.findOneBy({ code });
    return row && dataCentreMapper.toDomain(row);
  }

  insert(dataCentre: DataCentre): Promise<void> {
    return insertUnique(this.rows, dataCentreMapper.toPersistence(dataCentre), 'data centre', 'code');
  }

  update(dataCentre: DataCentre): Promise<void> {
    return updateGuarded(this.rows, dataCentreMapper.toPersistence(dataCentre), 'data centre', 'code');
  }
}

@Injectable()
export class TypeOrmTenantRepository extends TenantRepository {
  constructor(@InjectRepository(TenantRow) private readonly rows: Repository<TenantRow>) {
    super();
  }

  async find(id: string): Promise<Tenant | null> {
    const row = await this.rows.findOneBy({ id });
    return row && tenantMapper.toDomain(row);
  }

  insert(tenant: Tenant): Promise<void> {
    return insertUnique(this.rows, tenantMapper.toPersistence(tenant), 'tenant', 'id');
  }

  update(tenant: Tenant): Promise<void> {
    return updateGuarded(this.rows, tenantMapper.toPersistence(tenant), 'tenant', 'id');
  }
}

@Injectable()
export class TypeOrmImageRepository extends ImageRepository {
  constructor(@InjectRepository(ImageRow) private readonly rows: Repository<ImageRow>) {
    super();
  }

  insert(image: Image): Promise<void> {
    return insertUnique(this.rows, imageMapper.toPersistence(image), 'image', 'id');
  }
}

@Injectable()
export class TypeOrmSizeRepository extends SizeRepository {
  constructor(@InjectRepository(SizeRow) private readonly rows: Repository<SizeRow>) {
    super();
  }

  insert(size: Size): Promise<void> {
    return insertUnique(this.rows, sizeMapper.toPersistence(size), 'size', 'code');
  }
}
