import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyRepository } from '../domain/api-key.js';
import { accessEntities } from '../persistence/access.entities.js';
import { TypeOrmApiKeyRepository } from '../persistence/typeorm-api-key.repository.js';
import { ApiKeyVisibility } from './api-key-visibility.js';
import { apiKeyHandlers } from './api-keys.use-cases.js';
import { ScopeDirectory, SqlScopeDirectory } from './scope-directory.js';

/**
 * The key store and its use cases, without any HTTP: the API (through AccessModule), the CLI and
 * the seed all create keys through the same command. Needs CqrsModule and a database.
 */
@Module({
  imports: [TypeOrmModule.forFeature(accessEntities)],
  providers: [
    { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
    { provide: ScopeDirectory, useClass: SqlScopeDirectory },
    ApiKeyVisibility,
    ...apiKeyHandlers,
  ],
  exports: [ApiKeyRepository, ApiKeyVisibility],
})
export class ApiKeysModule {}
