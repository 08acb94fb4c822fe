import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';

/**
 * Whether the partner or tenant a new key is scoped to exists. A port of its own, so the access
 * library reads the catalogue's tables without importing the catalogue (which imports access).
 */
export abstract class ScopeDirectory {
  abstract partnerExists(code: string): Promise<boolean>;
  abstract tenantExists(id: string): Promise<boolean>;
}

@Injectable()
export class SqlScopeDirectory extends ScopeDirectory {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async partnerExists(code: string): Promise<boolean> {
    return this.exists(`SELECT 1 FROM partners WHERE code = $1`, code);
  }

  async tenantExists(id: string): Promise<boolean> {
    // PostgreSQL refuses a malformed uuid with an error; such an id names no tenant.
    return isUUID(id, 'loose') && this.exists(`SELECT 1 FROM tenants WHERE id = $1`, id);
  }

  private async exists(sql: string, value: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(sql, [value]);
    return rows.length > 0;
  }
}
