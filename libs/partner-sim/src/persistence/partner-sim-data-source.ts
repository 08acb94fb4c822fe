import { DataSource, type DataSourceOptions } from 'typeorm';
import { PartnerSim1765000000000 } from './migrations/1765000000000-partner-sim.js';
import { TenantResourcesByType1765086400000 } from './migrations/1765086400000-tenant-resources-by-type.js';
import { ProfileSeed1765172800000 } from './migrations/1765172800000-profile-seed.js';
import { PARTNER_SIM_SCHEMA, partnerSimEntities } from './partner-sim.entities.js';

/** The Nest name of the simulator's data source; it never shares the control plane's. */
export const PARTNER_SIM_DATA_SOURCE = 'partner-sim';

// Its own list, run by the simulator itself: the control plane's migrations never touch this schema.
export const partnerSimMigrations = [PartnerSim1765000000000, TenantResourcesByType1765086400000, ProfileSeed1765172800000];

/** `poolSize`: connections kept by this data source (DATABASE_POOL_SIZE). */
export function partnerSimDataSourceOptions(databaseUrl: string, poolSize = 4): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // Also where TypeORM keeps the migrations table: partner_sim.migrations.
    schema: PARTNER_SIM_SCHEMA,
    entities: partnerSimEntities,
    migrations: partnerSimMigrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // A simulated partner chooses its own durability: its commits do not wait for the WAL flush,
    // so a crash of PostgreSQL itself may forget its last fraction of a second of operations (a
    // kill of any process, the worker's included, loses nothing). The control plane's own
    // connections keep synchronous commits.
    extra: { max: poolSize, options: '-c synchronous_commit=off' },
  };
}

/** Any fixed number, the same in every simulator process: they take turns to migrate. */
const MIGRATION_LOCK = 7_302_024_001;

/**
 * Creates the schema and applies pending migrations, each in its own transaction. Simulators
 * starting together on one database migrate one after the other, under an advisory lock.
 */
export async function migratePartnerSim(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      // The migrations table lives in the schema, so the schema must exist before the first migration.
      await lock.query(`CREATE SCHEMA IF NOT EXISTS ${PARTNER_SIM_SCHEMA}`);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}

/** Connects and migrates: what the simulator does at start. */
export async function openPartnerSimDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  try {
    await migratePartnerSim(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
