import 'reflect-metadata';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { PortInUseError } from '#libs/core/src/http/listen-on.js';
import { UnmigratedDatabaseError } from '#libs/persistence/src/migration-status.js';
import type { ResolvedInfrastructure } from '#libs/runtime/src/infrastructure.js';
import { InfrastructureError } from '#libs/runtime/src/infrastructure-error.js';
import { resolveInfrastructure } from '#libs/runtime/src/resolve-infrastructure.js';
import { SeedError } from '#libs/seed/src/seed-demo-world.js';
import { readyBanner } from './ready-banner.js';
import { stopOnSignals } from './stop-on-signals.js';
import { startControlPlane } from './start-control-plane.js';

let infrastructure: ResolvedInfrastructure | null = null;
try {
  infrastructure = await resolveInfrastructure({ env: process.env, purpose: 'start' });
  // The first line: which database and queue backend this runs on, and why.
  console.log(infrastructure.summary);
  const config = loadConfig({ ...process.env, ...infrastructure.env });
  const controlPlane = await startControlPlane(config);
  stopOnSignals(controlPlane, infrastructure);
  console.log(readyBanner(controlPlane));
} catch (error) {
  // Never leave an embedded PostgreSQL running behind a failed start.
  await infrastructure?.close().catch(() => undefined);
  const forPeople = [ConfigError, InfrastructureError, UnmigratedDatabaseError, SeedError, PortInUseError].some((type) => error instanceof type);
  console.error(forPeople ? (error as Error).message : error);
  if (isConnectionRefused(error)) {
    console.error('PostgreSQL or Redis is not reachable: check DATABASE_URL and REDIS_URL, or unset them to run on the embedded default.');
  }
  process.exit(1);
}

function isConnectionRefused(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const nested = (error as { errors?: { code?: string }[] } | null)?.errors ?? [];
  return code === 'ECONNREFUSED' || nested.some((inner) => inner.code === 'ECONNREFUSED');
}
