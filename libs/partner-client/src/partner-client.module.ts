import { Module } from '@nestjs/common';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { HttpPartnerBackend } from './http/http-partner-backend.js';
import { PartnerBackend } from './partner-backend.js';

/** Provides PartnerBackend over HTTP at PARTNER_SIM_URL; needs the global ConfigModule. */
@Module({
  providers: [
    {
      provide: PartnerBackend,
      inject: [AppConfig],
      useFactory: (config: AppConfig): PartnerBackend =>
        new HttpPartnerBackend({ baseUrl: config.partnerSimUrl, timeoutMs: config.partnerCallTimeoutMs }),
    },
  ],
  exports: [PartnerBackend],
})
export class PartnerClientModule {}
