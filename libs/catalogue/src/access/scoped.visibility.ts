import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { CODE_PATTERN } from '../domain/vocabulary.js';
import { DataCentreRow, PartnerRow, TenantRow } from '../persistence/catalogue.entities.js';
import { isTenantId } from '../tenants/tenant-id.js';
import { CatalogueObjectVisibility } from './catalogue-object.visibility.js';
import { CatalogueScope } from './catalogue-scope.js';
import { andWhere } from './sql-condition.js';

// Scoped objects: visible when the row exists and passes the caller's scope condition, the same
// condition the object's list applies (CatalogueScope).

@Injectable()
export class DataCentreVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'data centre';
  protected readonly param = 'code';

  constructor(
    @InjectRepository(DataCentreRow) private readonly rows: Repository<DataCentreRow>,
    private readonly scope: CatalogueScope,
  ) {
    super();
  }

  protected isWellFormed(code: string): boolean {
    return CODE_PATTERN.test(code);
  }

  protected async isVisible(caller: Caller, code: string): Promise<boolean> {
    const query = this.rows.createQueryBuilder('dc').where('dc.code = :code', { code });
    return andWhere(query, await this.scope.dataCentres(caller, 'dc')).getExists();
  }
}

@Injectable()
export class PartnerVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'partner';
  protected readonly param = 'code';

  constructor(
    @InjectRepository(PartnerRow) private readonly rows: Repository<PartnerRow>,
    private readonly scope: CatalogueScope,
  ) {
    super();
  }

  protected isWellFormed(code: string): boolean {
    return CODE_PATTERN.test(code);
  }

  protected async isVisible(caller: Caller, code: string): Promise<boolean> {
    const query = this.rows.createQueryBuilder('partner').where('partner.code = :code', { code });
    return andWhere(query, await this.scope.partners(caller, 'partner')).getExists();
  }
}

@Injectable()
export class TenantVisibility extends CatalogueObjectVisibility {
  protected readonly resource = 'tenant';
  protected readonly param = 'id';

  constructor(
    @InjectRepository(TenantRow) private readonly rows: Repository<TenantRow>,
    private readonly scope: CatalogueScope,
  ) {
    super();
  }

  protected isWellFormed(id: string): boolean {
    return isTenantId(id);
  }

  protected async isVisible(caller: Caller, id: string): Promise<boolean> {
    const query = this.rows.createQueryBuilder('tenant').where('tenant.id = :id', { id });
    return andWhere(query, await this.scope.tenants(caller, 'tenant')).getExists();
  }
}
