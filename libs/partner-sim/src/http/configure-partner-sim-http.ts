import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ProblemDetailsFilter } from '#libs/core/src/http/problem-details.filter.js';
import { requireJsonMediaType, requireJsonObject } from '#libs/core/src/http/require-json.middleware.js';
import { createValidationPipe } from '#libs/core/src/http/validation.js';

/**
 * The simulator's HTTP conventions, the control plane's minus authentication: strict JSON with a
 * size limit, problem+json errors, validated input, OpenAPI at /openapi.json (UI at /docs).
 * The app must be created with `bodyParser: false` so the limit here is the only one.
 */
export function configurePartnerSimHttp(app: NestExpressApplication, config: AppConfig): void {
  app.use(helmet());
  app.use(requireJsonMediaType);
  app.useBodyParser('json', { limit: config.httpBodyLimit, strict: true });
  app.use(requireJsonObject);
  app.disable('x-powered-by');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app as INestApplication,
    new DocumentBuilder()
      .setTitle('Partner backend simulator')
      .setDescription(
        'Simulated partner backends (China Telecom, SoftBank, the provider’s own sites…): asynchronous operations on ' +
          'orgs, networks, volumes, VMs and VPN links, honoured Idempotency-Key headers, and per-partner latency, ' +
          'failure rates and scheduled faults (admin API).',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app as INestApplication, document, { jsonDocumentUrl: 'openapi.json' });
}
