import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyAuthenticator } from './authentication/api-key-authenticator.js';
import { AuthenticationGuard } from './authentication/authentication.guard.js';
import { ApiKeyRepository } from './domain/api-key.js';
import { accessEntities } from './persistence/access.entities.js';
import { TypeOrmApiKeyRepository } from './persistence/typeorm-api-key.repository.js';

/** Authentication for every route of the app that imports it, and the API key store. */
@Module({
  imports: [TypeOrmModule.forFeature(accessEntities)],
  providers: [
    { provide: ApiKeyRepository, useClass: TypeOrmApiKeyRepository },
    ApiKeyAuthenticator,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [ApiKeyRepository, ApiKeyAuthenticator],
})
export class AccessModule {}
