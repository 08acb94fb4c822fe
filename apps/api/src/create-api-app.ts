import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { installAuditTrail } from '#libs/access/src/audit/audit-trail.js';
import { type AppConfig, enabledLogLevels } from '#libs/core/src/config/app-config.js';
import { configureHttpApp } from '#libs/core/src/http/configure-http-app.js';
import { ApiModule } from './api.module.js';

export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    logger: enabledLogLevels(config),
    // Start-up errors (an unmigrated database) reach the caller instead of exiting the process.
    abortOnError: false,
  });
  // First of all middleware: a call the body parser refuses is still a call to audit.
  installAuditTrail(app);
  configureHttpApp(app, config, {
    title: 'Hybrid-cloud provisioning control plane',
    description:
      'Catalogue of tenants, partners, data centres and images; provisioning requests. ' +
      'Every /v1 call needs `Authorization: Bearer <api key>`.',
  });
  return app;
}
