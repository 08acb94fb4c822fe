import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '#libs/core/src/config/app-config.js';
import { listenOn, PORT_VARIABLES, PortInUseError } from '#libs/core/src/http/listen-on.js';
import { createPartnerSimApp } from './create-partner-sim-app.js';

try {
  const config = loadConfig(process.env);
  const app = await createPartnerSimApp(config);
  await listenOn(app, config.partnerSimPort, PORT_VARIABLES.partnerSim);
  new Logger('partner-sim').log(
    `Partner simulator listening on http://127.0.0.1:${config.partnerSimPort} (docs at /docs, health at /health/ready)`,
  );
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof PortInUseError ? error.message : error);
  process.exit(1);
}
