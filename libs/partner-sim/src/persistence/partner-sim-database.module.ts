import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { openPartnerSimDataSource, PARTNER_SIM_DATA_SOURCE, partnerSimDataSourceOptions } from './partner-sim-data-source.js';

/**
 * The simulator's own, named data source: it owns its schema and migrates it at start, unlike the
 * control plane's apps, which refuse an unmigrated database.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      name: PARTNER_SIM_DATA_SOURCE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...partnerSimDataSourceOptions(config.partnerSimDatabaseUrl, config.databasePoolSize),
        retryAttempts: 3,
        retryDelay: 1000,
      }),
      dataSourceFactory: (options) => openPartnerSimDataSource(options!),
    }),
  ],
})
export class PartnerSimDatabaseModule {}
