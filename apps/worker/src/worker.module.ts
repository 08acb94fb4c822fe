import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { HealthModule } from '#libs/core/src/health/health.module.js';
import { RedisModule } from '#libs/core/src/redis/redis.module.js';
import { DatabaseModule } from '#libs/persistence/src/database.module.js';

/**
 * The worker's wiring. It has no queues yet: the provisioning issue registers its processors here.
 * What it has now is real: it refuses an unmigrated database and reports PostgreSQL and Redis
 * reachability on /health/ready, as the processors will need both.
 */
@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, RedisModule, HealthModule],
    };
  }
}
