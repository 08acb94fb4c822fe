import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { configureHttpApp } from '#libs/core/src/http/configure-http-app.js';

/** The simulator's HTTP conventions: the control plane's, minus authentication. */
export function configurePartnerSimHttp(app: NestExpressApplication, config: AppConfig): void {
  configureHttpApp(app, config, {
    title: 'Partner backend simulator',
    description:
      'Simulated partner backends (China Telecom, SoftBank, the provider’s own sites…): asynchronous operations on ' +
      'orgs, networks, volumes, VMs and VPN links, honoured Idempotency-Key headers, and per-partner latency, ' +
      'failure rates and scheduled faults (admin API).',
    bearerAuth: false,
  });
}
