import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CatalogueModule } from '#libs/catalogue/src/catalogue.module.js';
import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { ConfigModule } from '#libs/core/src/config/config.module.js';
import { DatabaseModule } from '#libs/persistence/src/database.module.js';
import { DemoWorldSeeder } from './demo-world.seeder.js';

/**
 * What the seed needs and nothing more: configuration, the (migrated) database and the catalogue's
 * repositories. Run it in an application context: `NestFactory.createApplicationContext`.
 */
@Module({})
export class SeedModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: SeedModule,
      // CatalogueModule's use-case handlers come along and may need the buses.
      imports: [ConfigModule.forRoot(config), DatabaseModule, CqrsModule.forRoot(), CatalogueModule],
      providers: [DemoWorldSeeder],
      exports: [DemoWorldSeeder],
    };
  }
}
