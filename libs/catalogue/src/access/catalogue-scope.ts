import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { ResidencyRequirement } from '../domain/vocabulary.js';
import { TenantRow } from '../persistence/catalogue.entities.js';
import { EVERY_ROW, NO_ROW, type SqlCondition } from './sql-condition.js';
import { type TenantReach, tenantReach } from './tenant-reach.js';
import { tenantReachCondition } from './tenant-reach.sql.js';

/**
 * Which catalogue rows a caller may see, as SQL conditions over a table alias. Lists add them to
 * their query and visibility checks ask whether the named row passes them, so a list and a read
 * of one object always agree. Each call loads what it needs about the caller (a tenant's home)
 * at most once.
 */
@Injectable()
export class CatalogueScope {
  constructor(@InjectRepository(TenantRow) private readonly tenantRows: Repository<TenantRow>) {}

  /** Platform: all; partner operator: the sites its partner operates; tenant: the sites its residency allows. */
  async dataCentres(caller: Caller, dataCentre: string): Promise<SqlCondition> {
    switch (caller.scope.kind) {
      case 'platform':
        return EVERY_ROW;
      case 'partner':
        return { sql: `${dataCentre}.operator_code = :scopePartner`, params: { scopePartner: caller.scope.partnerCode } };
      case 'tenant': {
        const reach = await this.reachOf(caller.scope.tenantId);
        return reach ? tenantReachCondition(reach, dataCentre) : NO_ROW;
      }
    }
  }

  /** Platform: all; partner operator: itself; tenant: the operators of the sites it may use. */
  async partners(caller: Caller, partner: string): Promise<SqlCondition> {
    switch (caller.scope.kind) {
      case 'platform':
        return EVERY_ROW;
      case 'partner':
        return { sql: `${partner}.code = :scopePartner`, params: { scopePartner: caller.scope.partnerCode } };
      case 'tenant': {
        const reach = await this.reachOf(caller.scope.tenantId);
        if (!reach) return NO_ROW;
        const usable = tenantReachCondition(reach, 'reach_dc');
        return {
          sql: `EXISTS (SELECT 1 FROM data_centres reach_dc WHERE reach_dc.operator_code = ${partner}.code AND ${usable.sql})`,
          params: usable.params,
        };
      }
    }
  }

  /** Platform: all; tenant: itself; partner operator: none (its staff do not manage customers). */
  async tenants(caller: Caller, tenant: string): Promise<SqlCondition> {
    switch (caller.scope.kind) {
      case 'platform':
        return EVERY_ROW;
      case 'partner':
        return NO_ROW;
      case 'tenant':
        return { sql: `${tenant}.id = :scopeTenant`, params: { scopeTenant: caller.scope.tenantId } };
    }
  }

  /** The tenant's home and residency in one read; null if the tenant is gone (it then sees nothing). */
  private async reachOf(tenantId: string): Promise<TenantReach | null> {
    const rows: { country: string; regionCode: string; residency: ResidencyRequirement }[] = await this.tenantRows.query(
      `SELECT t.home_country AS country, j.region_code AS "regionCode", t.residency
         FROM tenants t JOIN jurisdictions j ON j.country = t.home_country
        WHERE t.id = $1`,
      [tenantId],
    );
    return rows.length === 1 ? tenantReach(rows[0]) : null;
  }
}
