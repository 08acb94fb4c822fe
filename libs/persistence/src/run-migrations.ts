import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
