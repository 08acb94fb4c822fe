import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { createPartnerSimApp, type PartnerSimAppOptions } from '../../apps/partner-sim/src/create-partner-sim-app.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { HttpPartnerBackend } from '#libs/partner-client/src/http/http-partner-backend.js';
import { PartnerSimAdminClient } from '#libs/partner-client/src/http/partner-sim-admin.client.js';

export interface TestPartnerSim {
  app: NestExpressApplication;
  /** Where it listens (a free port on 127.0.0.1): give it to the control plane as PARTNER_SIM_URL. */
  url: string;
  /** The control plane's own client, pointed at it. */
  backend: HttpPartnerBackend;
  /** Profiles, faults, and a view of the resources that is never flaky. */
  admin: PartnerSimAdminClient;
  close(): Promise<void>;
}

/**
 * The real partner simulator on the given (test) database, listening on a free port. It migrates
 * its own schema, partner_sim, so the database may be empty or the control plane's.
 */
export async function startPartnerSim(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: PartnerSimAppOptions = {},
): Promise<TestPartnerSim> {
  const app = await createPartnerSimApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', ...env, PARTNER_SIM_DATABASE_URL: databaseUrl }), options);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    url,
    backend: new HttpPartnerBackend({ baseUrl: url, timeoutMs: 5000 }),
    admin: new PartnerSimAdminClient(url),
    close: () => app.close(),
  };
}
