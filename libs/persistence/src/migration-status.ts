import type { DataSource } from 'typeorm';

export class UnmigratedDatabaseError extends Error {
  constructor(database: string, pending: string[]) {
    super(
      `Database '${database}' is not migrated: ${pending.length} migration(s) pending (${pending.join(', ')}). ` +
        `Run 'npm run migration:run' first (or 'npm start', which migrates).`,
    );
  }
}

export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = new Set<string>();
  const [{ exists }] = await dataSource.query<{ exists: boolean }[]>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  if (exists) {
    const rows = await dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations`);
    rows.forEach((row) => applied.add(row.name));
  }
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}

/** The app refuses to serve on a schema it does not know; better a clear stop than odd 500s. */
export async function assertMigrated(dataSource: DataSource): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length > 0) throw new UnmigratedDatabaseError(databaseName(dataSource), pending);
}

function databaseName(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  return url ? new URL(url).pathname.slice(1) : String(dataSource.options.database);
}
