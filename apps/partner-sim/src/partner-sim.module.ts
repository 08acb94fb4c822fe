import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { PartnerSimHealthController } from './partner-sim-health.controller.js';

/** The simulated partner backends' wiring; the simulator's issue adds the partners' APIs here. */
@Module({})
export class PartnerSimModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: PartnerSimModule,
      imports: [ConfigModule.forRoot(config), TerminusModule],
      controllers: [PartnerSimHealthController],
    };
  }
}
