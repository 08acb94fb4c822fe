import type { DataSourceOptions } from 'typeorm';
import { entities, migrations } from './schema.js';

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    // Schema changes only through migrations; never let the ORM alter tables.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10 },
  };
}
