import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { configurePartnerSimHttp } from '#libs/partner-sim/src/http/configure-partner-sim-http.js';
import { serveHotRoutesDirectly } from '#libs/partner-sim/src/http/hot-routes.js';
import { PartnerSimModule } from '#libs/partner-sim/src/partner-sim.module.js';

export interface PartnerSimAppOptions {
  /** Serve the partner API's hot routes without express (see hot-routes.ts); default true. Tests compare both ways. */
  hotRoutes?: boolean;
}

/** The simulated partner backends; they migrate their own schema (partner_sim) as they start. */
export async function createPartnerSimApp(config: AppConfig, options: PartnerSimAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(PartnerSimModule.forRoot(config), {
    bodyParser: false,
    logger: enabledLogLevels(config),
    // Start-up errors (an unreachable database) reach the caller instead of exiting the process.
    abortOnError: false,
  });
  configurePartnerSimHttp(app, config);
  if (options.hotRoutes !== false) serveHotRoutesDirectly(app, config);
  return app;
}
