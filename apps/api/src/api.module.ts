import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccessModule, accessHttpControllers } from '#libs/access/src/access.module.js';
import { CatalogueModule, catalogueHttpControllers } from '#libs/catalogue/src/catalogue.module.js';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { HealthModule } from '#libs/core/src/health/health.module.js';
import { RedisModule } from '#libs/core/src/redis/redis.module.js';
import { DatabaseModule } from '#libs/persistence/src/database.module.js';
import { ProvisioningModule, provisioningHttpControllers } from '#libs/provisioning/src/provisioning.module.js';

@Module({})
export class ApiModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        CqrsModule.forRoot(),
        AccessModule,
        HealthModule,
        CatalogueModule,
        ProvisioningModule,
      ],
      controllers: [...accessHttpControllers, ...catalogueHttpControllers, ...provisioningHttpControllers],
    };
  }
}
