import { access } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiApp } from '../../api/src/create-api-app.js';
import { createPartnerSimApp } from '../../partner-sim/src/create-partner-sim-app.js';
import { createWorkerApp } from '../../worker/src/create-worker-app.js';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { listenOn, PORT_VARIABLES } from '#libs/core/src/http/listen-on.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { keyFileName } from '#libs/seed/src/demo-keys/demo-keys-file.js';
import { PLATFORM_DEMO_KEY } from '#libs/seed/src/demo-keys/demo-keys.js';
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
  /** Where the platform operator's demo key is, for the banner's examples; null without one. */
  platformKeyFile: string | null;
  /** Whether BOOTSTRAP_API_KEY is set, the other way in when there is no demo key. */
  bootstrapKeySet: boolean;
  components: RunningComponent[];
  /** The in-process worker, stopped (drained) and started again while the rest runs on. */
  worker: { stop(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

export interface StartOptions {
  /** Overrides config.port; 0 picks a free port (tests). */
  port?: number;
  /** Overrides config.partnerSimPort and config.workerPort; 0 picks free ports (tests). */
  partnerSimPort?: number;
  workerPort?: number;
}

const localUrl = (server: { address(): AddressInfo | string | null }): string => {
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : '?'}`;
};

/**
 * The whole control plane in one process, in the order that makes each step safe: migrate, load
 * the demo world if the catalogue is empty, then start the partner simulator, the API and the
 * worker, each through its own create*App, exactly as they run alone. The worker's partner client
 * points at the simulator started here.
 */
export async function startControlPlane(config: AppConfig, options: StartOptions = {}): Promise<ControlPlane> {
  // One log level for the whole process, including the lines before the first app exists.
  Logger.overrideLogger(enabledLogLevels(config));
  const logger = new Logger('control-plane');
  const migrationsApplied = await runMigrations(config.databaseUrl);
  logger.log(migrationsApplied.length ? `Migrated: ${migrationsApplied.join(', ')}` : 'Database schema is up to date.');

  const seed = await withDemoWorldSeeder(config, (seeder) => seeder.seedOnStart(config.seedDemoWorld));
  // The seed's short-lived context quiets Nest's process-wide logger; our own lines must still show.
  Logger.overrideLogger(enabledLogLevels(config));
  logger.log(
    seed.seeded
      ? `Demo world: ${seed.report.created.length} item(s) created, ${seed.report.present.length} already present.`
      : `Demo world not loaded: ${seed.reason}.`,
  );
  if (seed.seeded) {
    // Names and counts only: a key never reaches the log.
    const keys = seed.report.demoKeys;
    logger.log(
      keys.made
        ? `Demo API keys: ${keys.created.length} created, ${keys.kept.length} still valid, in ${keys.dir}.`
        : `Demo API keys: none (${keys.reason}).`,
    );
  }
  const platformKeyFile = await findPlatformKeyFile(config, seed);

  const components: RunningComponent[] = [];
  const close = async () => {
    // Stop in reverse order of start, so nothing outlives what it depends on.
    for (const component of [...components].reverse()) await component.close();
  };
  const start = async (name: string, app: NestExpressApplication, port: number, portVariable: string): Promise<string> => {
    try {
      await listenOn(app, port, portVariable);
    } catch (error) {
      // Not yet among the components that close() stops: its connections and workers end here.
      await app.close().catch(() => undefined);
      throw error;
    }
    const url = localUrl(app.getHttpServer());
    components.push({ name, url, close: () => app.close() });
    return url;
  };
  let simulatorUrl = config.partnerSimUrl;
  const startWorker = async (): Promise<void> => {
    if (components.some((c) => c.name === 'worker')) return;
    await start('worker', await createWorkerApp({ ...config, partnerSimUrl: simulatorUrl }), options.workerPort ?? config.workerPort, PORT_VARIABLES.worker);
  };
  try {
    simulatorUrl = await start('partner-sim', await createPartnerSimApp(config), options.partnerSimPort ?? config.partnerSimPort, PORT_VARIABLES.partnerSim);
    await start('api', await createApiApp(config), options.port ?? config.port, PORT_VARIABLES.api);
    await startWorker();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    url: components.find((c) => c.name === 'api')!.url,
    migrationsApplied,
    seed,
    platformKeyFile,
    bootstrapKeySet: config.bootstrapApiKey !== null,
    components,
    worker: {
      start: startWorker,
      async stop() {
        const index = components.findIndex((c) => c.name === 'worker');
        if (index === -1) return;
        const [worker] = components.splice(index, 1);
        await worker.close();
      },
    },
    close,
  };
}

/** The key file this run made or kept; else one an earlier run left (a restart skips the seed). */
async function findPlatformKeyFile(config: AppConfig, seed: SeedOnStartOutcome): Promise<string | null> {
  if (config.env === 'production') return null;
  const path = join(config.demoKeysDir, keyFileName(PLATFORM_DEMO_KEY));
  if (seed.seeded) {
    const keys = seed.report.demoKeys;
    return keys.made && [...keys.created, ...keys.kept].includes(PLATFORM_DEMO_KEY) ? path : null;
  }
  return access(path).then(
    () => path,
    () => null,
  );
}
