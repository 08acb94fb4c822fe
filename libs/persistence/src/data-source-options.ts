import type { DataSourceOptions } from 'typeorm';
import { entities, migrations } from './schema.js';

/** `poolSize`: connections kept by this data source (DATABASE_POOL_SIZE). */
export function dataSourceOptions(databaseUrl: string, poolSize = 4): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    // Schema changes only through migrations; never let the ORM alter tables.
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize },
  };
}
