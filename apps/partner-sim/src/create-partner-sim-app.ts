import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { PartnerSimModule } from './partner-sim.module.js';

export async function createPartnerSimApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(PartnerSimModule.forRoot(config), {
    bodyParser: false,
    logger: enabledLogLevels(config),
    abortOnError: false,
  });
  app.use(helmet());
  app.disable('x-powered-by');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  return app;
}
