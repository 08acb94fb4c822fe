import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { listenOn, PORT_VARIABLES, PortInUseError } from '#libs/core/src/http/listen-on.js';
import { UnmigratedDatabaseError } from '#libs/persistence/src/migration-status.js';
import { createWorkerApp } from './create-worker-app.js';

try {
  const config = loadConfig(process.env);
  const app = await createWorkerApp(config);
  await listenOn(app, config.workerPort, PORT_VARIABLES.worker);
  new Logger('worker').log(`Worker up; health on http://127.0.0.1:${config.workerPort}/health (and /health/ready)`);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof PortInUseError || error instanceof UnmigratedDatabaseError ? error.message : error);
  process.exit(1);
}
