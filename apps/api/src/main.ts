import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { listenOn, PORT_VARIABLES, PortInUseError } from '#libs/core/src/http/listen-on.js';
import { UnmigratedDatabaseError } from '#libs/persistence/src/migration-status.js';
import { createApiApp } from './create-api-app.js';

try {
  const config = loadConfig(process.env);
  const app = await createApiApp(config);
  await listenOn(app, config.port, PORT_VARIABLES.api);
  new Logger('api').log(`API listening on http://127.0.0.1:${config.port} (docs at /docs)`);
} catch (error) {
  // A person's mistake gets its message alone; anything else, the whole stack.
  const forPeople = error instanceof ConfigError || error instanceof PortInUseError || error instanceof UnmigratedDatabaseError;
  console.error(forPeople ? error.message : error);
  process.exit(1);
}
