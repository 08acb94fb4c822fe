import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { createApiApp } from '../../api/src/create-api-app.js';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import type { SeedOnStartOutcome } from '#libs/seed/src/demo-world.seeder.js';
import { withDemoWorldSeeder } from '#libs/seed/src/with-demo-world-seeder.js';

/** One part of the control plane running in this process; each app contributes one. */
export interface RunningComponent {
  name: string;
  url: string;
  close(): Promise<void>;
}

export interface ControlPlane {
  url: string;
  migrationsApplied: string[];
  seed: SeedOnStartOutcome;
  components: RunningComponent[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Overrides config.port; 0 picks a free port (tests). */
  port?: number;
}

const localUrl = (server: { address(): AddressInfo | string | null }): string => {
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : '?'}`;
};

/**
 * The whole control plane in one process, in the order that makes each step safe: migrate, load
 * the demo world if the catalogue is empty, then serve. Today that is the API; the worker and the
 * partner simulator join `components` as their issues land, each through its own create*App.
 */
export async function startControlPlane(config: AppConfig, options: StartOptions = {}): Promise<ControlPlane> {
  // One log level for the whole process, including the lines before the first app exists.
  Logger.overrideLogger(enabledLogLevels(config));
  const logger = new Logger('control-plane');
  const migrationsApplied = await runMigrations(config.databaseUrl);
  logger.log(migrationsApplied.length ? `Migrated: ${migrationsApplied.join(', ')}` : 'Database schema is up to date.');

  const seed = await withDemoWorldSeeder(config, (seeder) => seeder.seedOnStart(config.seedDemoWorld));
  logger.log(
    seed.seeded
      ? `Demo world: ${seed.report.created.length} item(s) created, ${seed.report.present.length} already present.`
      : `Demo world not loaded: ${seed.reason}.`,
  );

  const components: RunningComponent[] = [];
  const close = async () => {
    // Stop in reverse order of start, so nothing outlives what it depends on.
    for (const component of [...components].reverse()) await component.close();
  };
  try {
    const api = await createApiApp(config);
    await api.listen(options.port ?? config.port);
    components.push({ name: 'api', url: localUrl(api.getHttpServer()), close: () => api.close() });
  } catch (error) {
    await close();
    throw error;
  }
  return { url: components[0].url, migrationsApplied, seed, components, close };
}
