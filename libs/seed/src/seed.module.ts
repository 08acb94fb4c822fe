import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApiKeysModule } from '#libs/access/src/api-keys/api-keys.module.js';
import { CatalogueModule } from '#libs/catalogue/src/catalogue.module.js';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { DatabaseModule } from '#libs/persistence/src/database.module.js';
import { DemoKeysSeeder } from './demo-keys/demo-keys.seeder.js';
import { DemoWorldSeeder } from './demo-world.seeder.js';

/**
 * What the seed needs and nothing more: configuration, the (migrated) database, the catalogue's
 * repositories and the key store (for the demo keys). Run it in an application context:
 * `NestFactory.createApplicationContext`.
 */
@Module({})
export class SeedModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      // CatalogueModule's use-case handlers come along and may need the buses.
      imports: [ConfigModule.forRoot(config), DatabaseModule, CqrsModule.forRoot(), CatalogueModule, ApiKeysModule],
      providers: [DemoWorldSeeder, DemoKeysSeeder],
      exports: [DemoWorldSeeder],
    };
  }
}
