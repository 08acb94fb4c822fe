import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { UnmigratedDatabaseError } from '#libs/persistence/src/migration-status.js';
import { SeedError } from '#libs/seed/src/seed-demo-world.js';
import { readyBanner } from './ready-banner.js';
import { startControlPlane } from './start-control-plane.js';

try {
  const config = loadConfig(process.env);
  const controlPlane = await startControlPlane(config);
  console.log(readyBanner(controlPlane));
} catch (error) {
  const forPeople = [ConfigError, UnmigratedDatabaseError, SeedError].some((type) => error instanceof type);
  console.error(forPeople ? (error as Error).message : error);
  if (isConnectionRefused(error)) {
    console.error('PostgreSQL or Redis is not reachable: check DATABASE_URL and REDIS_URL, or run scripts/ensure-services.sh.');
  }
  process.exit(1);
}

function isConnectionRefused(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const nested = (error as { errors?: { code?: string }[] } | null)?.errors ?? [];
  return code === 'ECONNREFUSED' || nested.some((inner) => inner.code === 'ECONNREFUSED');
}
