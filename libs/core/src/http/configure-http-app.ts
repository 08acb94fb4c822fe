import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { requireJsonMediaType, requireJsonObject } from './require-json.middleware.js';
import { createValidationPipe } from './validation.js';

export interface HttpAppOptions {
  title: string;
  description: string;
  /** Whether callers send an API key (the control plane) or not (the partner simulator). Default true. */
  bearerAuth?: boolean;
}

/**
 * What every HTTP app of ours shares: strict JSON bodies with a size limit, security headers,
 * CORS only for configured origins, problem+json errors, validated input, and the OpenAPI document at /openapi.json (UI at /docs).
 * The app must be created with `bodyParser: false` so the limit here is the only one.
 */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig, options: HttpAppOptions): void {
  app.use(helmet());
  // CORS stays off (no headers at all) unless origins are configured; then only those get them.
  if (config.corsOrigins) {
    app.enableCors({
      origin: [...config.corsOrigins],
      exposedHeaders: ['Location', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      maxAge: 600,
    });
  }
  app.use(requireJsonMediaType);
  app.useBodyParser('json', { limit: config.httpBodyLimit, strict: true });
  app.use(requireJsonObject);
  app.disable('x-powered-by');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const builder = new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1');
  if (options.bearerAuth !== false) {
    // Swagger UI's Authorize button; the health checks answer without the key it sends.
    builder
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key: hcp_<id>_<secret>' })
      .addSecurityRequirements('bearer');
  }
  const document = SwaggerModule.createDocument(app as INestApplication, builder.build());
  SwaggerModule.setup('docs', app as INestApplication, document, { jsonDocumentUrl: 'openapi.json' });
}
