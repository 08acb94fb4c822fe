import type { DemoInfrastructure } from '#libs/demo/src/runner/run-demo.js';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The servers the demo uses: those configured, else the local defaults. */
export async function resolveDemoInfrastructure(env: NodeJS.ProcessEnv): Promise<DemoInfrastructure> {
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const redisUrl = env.REDIS_URL || DEFAULT_REDIS_URL;
  return {
    summary: `database: PostgreSQL at ${new URL(databaseUrl).host}; queues: Redis at ${new URL(redisUrl).host}`,
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
    close: async () => undefined,
  };
}
