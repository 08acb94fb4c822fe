import type { DataSource } from 'typeorm';
import { catalogueEntities } from '#libs/catalogue/src/persistence/catalogue.entities.js';

/**
 * True when no catalogue table holds a row: the "empty database" that SEED_DEMO_WORLD=auto fills.
 * One row anywhere means an operator has started their own world, and the demo stays out of it.
 */
export async function catalogueIsEmpty(dataSource: DataSource): Promise<boolean> {
  const tables = catalogueEntities.map((entity) => dataSource.getMetadata(entity).tableName);
  const [{ empty }] = await dataSource.query<{ empty: boolean }[]>(
    `SELECT NOT (${tables.map((table) => `EXISTS (SELECT 1 FROM "${table}")`).join(' OR ')}) AS empty`,
  );
  return empty;
}
