import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { createDatabase, dropDatabase, ensureTemplateDatabase, uniqueDatabaseName } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  /** Sends the platform operator's (bootstrap) key unless a test sets another Authorization. */
  http: ReturnType<typeof request.agent>;
  /** Without any key, for the authentication cases. */
  anonymous: ReturnType<typeof request>;
  platformKey: string;
  /** Direct SQL for arranging and asserting, outside the app. */
  db: pg.Pool;
  databaseName: string;
  close(): Promise<void>;
}

/** The real API on its own migrated database, cloned from the run's template. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = await ensureTemplateDatabase(runMigrations);
  const databaseName = uniqueDatabaseName('cp_test');
  const databaseUrl = await createDatabase(databaseName, template);
  const platformKey = `test-bootstrap-${randomBytes(24).toString('base64url')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    BOOTSTRAP_API_KEY: platformKey,
    // The suites send hundreds of calls with one key; the rate-limit suite sets its own limit.
    RATE_LIMIT_REQUESTS: '100000',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const app = await createApiApp(config);
  await app.init();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // The database is dropped WITH (FORCE) at close; an idle client cut off then is expected.
  db.on('error', (error: Error & { code?: string }) => {
    if (error.code !== '57P01') console.error('test database pool:', error);
  });
  return {
    app,
    http: request.agent(app.getHttpServer()).set('Authorization', `Bearer ${platformKey}`),
    anonymous: request(app.getHttpServer()),
    platformKey,
    db,
    databaseName,
    async close() {
      await app.close();
      await db.end();
      await dropDatabase(databaseName);
    },
  };
}

/**
 * What is not state: the audit trail records refused calls too, a key's last use changes with
 * every call, and so do the rate-limit counters (QUEUE_BACKEND=postgres). A snapshot leaves them out.
 */
const NOT_STATE: Record<string, string[] | 'all'> = {
  schema_migrations: 'all',
  audit_events: 'all',
  rate_limit_counters: 'all',
  api_keys: ['last_used_at'],
};

/** A fingerprint of every table's rows: equal before and after means nothing changed. */
export async function snapshotDatabase(db: pg.Pool): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables.filter((table) => NOT_STATE[table.name] !== 'all')) {
    const skipped = (NOT_STATE[name] ?? []) as string[];
    const { rows: columns } = await db.query<{ column: string }>(
      `SELECT column_name AS column FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [name],
    );
    const row = `(${columns.filter((c) => !skipped.includes(c.column)).map((c) => `t."${c.column}"`).join(', ')})::text`;
    const { rows } = await db.query<{ digest: string | null; count: string }>(
      `SELECT md5(string_agg(${row}, '|' ORDER BY ${row})) AS digest, count(*) AS count FROM "${name}" t`,
    );
    snapshot[name] = `${rows[0].count}:${rows[0].digest ?? '-'}`;
  }
  return snapshot;
}
