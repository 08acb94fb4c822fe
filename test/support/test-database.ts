import pg from 'pg';

/** Admin connection used to create and drop test databases; never a test's own database. */
export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DATABASE_ENV = 'TEST_TEMPLATE_DATABASE';

/** The guard: tests create, fill and drop databases, so they touch none whose name does not say test. */
export function assertTestDatabaseName(name: string): void {
  if (!/^[a-z0-9_]*test[a-z0-9_]*$/.test(name)) {
    throw new Error(`Refusing to use database '${name}' for tests: its name must contain 'test' (and only [a-z0-9_]).`);
  }
}

export function databaseUrl(name: string): string {
  assertTestDatabaseName(name);
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` while holding a lock every test file of every run on this server shares by name. */
export async function withAdvisoryLock<T>(name: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  return withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

export async function createDatabase(name: string, template?: string): Promise<string> {
  assertTestDatabaseName(name);
  if (template) assertTestDatabaseName(template);
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return databaseUrl(name);
}

/** Creates and migrates the run's template once, whichever test file gets here first. */
export async function ensureTemplateDatabase(migrate: (url: string) => Promise<unknown>): Promise<string> {
  const name = process.env[TEMPLATE_DATABASE_ENV];
  if (!name) throw new Error('No template database named: run e2e tests through jest (global setup).');
  assertTestDatabaseName(name);
  await withAdvisoryLock(name, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${name}`);
      await migrate(databaseUrl(name));
    }
  });
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  assertTestDatabaseName(name);
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Unique per run: parallel runs (CI and a developer) never share a database. */
export const uniqueDatabaseName = (prefix: string): string =>
  `${prefix}_${Date.now().toString(36)}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
