import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { HealthModule } from '#libs/core/src/health/health.module.js';
import { RedisModule } from '#libs/core/src/redis/redis.module.js';
import { DatabaseModule } from '#libs/persistence/src/database.module.js';
import { ExecutionModule } from '#libs/provisioning/src/execution/execution.module.js';

/**
 * The worker's wiring: the provisioning processors and the outbox relay (ExecutionModule), and
 * /health, /health/ready for PostgreSQL and Redis. It refuses an unmigrated database.
 */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule, HealthModule, ExecutionModule],
    };
  }
}
