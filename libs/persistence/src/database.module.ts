import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { assertMigrated, UnmigratedDatabaseError } from './migration-status.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, config.databasePoolSize),
        retryAttempts: 3,
        retryDelay: 1000,
        // Waiting does not migrate a database: stop at once with the message that says what to do.
        toRetry: (error: unknown) => !(error instanceof UnmigratedDatabaseError),
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        try {
          await assertMigrated(dataSource);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
