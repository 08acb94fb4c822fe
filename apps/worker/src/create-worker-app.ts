import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { WorkerModule } from './worker.module.js';

/** The worker serves HTTP for its health checks only: no API, no body parsing, no docs. */
export async function createWorkerApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule.forRoot(config), {
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
