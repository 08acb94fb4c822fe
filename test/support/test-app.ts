import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/create-api-app.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { createDatabase, dropDatabase, ensureTemplateDatabase, uniqueDatabaseName } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
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
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', ...env, DATABASE_URL: databaseUrl });
  const app = await createApiApp(config);
  await app.init();
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    databaseName,
    async close() {
      await app.close();
      await db.end();
      await dropDatabase(databaseName);
    },
  };
}

/** A fingerprint of every table's rows: equal before and after means nothing changed. */
export async function snapshotDatabase(db: pg.Pool): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`,
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ digest: string | null; count: string }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*) AS count FROM "${name}" t`,
    );
    snapshot[name] = `${rows[0].count}:${rows[0].digest ?? '-'}`;
  }
  return snapshot;
}
