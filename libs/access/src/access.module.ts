import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { apiKeyHttpControllers } from './api-keys/api-keys.use-cases.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditActionGuard } from './audit/audit-action.guard.js';
import { AuditLog } from './audit/audit-event.js';
import { AuditTrail } from './audit/audit-trail.js';
import { auditHandlers, auditHttpControllers } from './audit/audit.use-cases.js';
import { TypeOrmAuditLog } from './audit/typeorm-audit-log.js';
import { ApiKeyAuthenticator } from './authentication/api-key-authenticator.js';
import { AuthenticationGuard } from './authentication/authentication.guard.js';
import { AuthorizationGuard } from './authorization/authorization.guard.js';
import { AuditEventRow } from './persistence/access.entities.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { rateLimitStorageProvider } from './rate-limit/rate-limit-storage.provider.js';

/** The HTTP adapters of access control's own use cases (keys, audit trail); the API app registers them. */
export const accessHttpControllers = [...apiKeyHttpControllers, ...auditHttpControllers];

/**
 * Access control for every route of the HTTP app that imports it: the audit trail, the rate
 * limit, authentication and authorization, and the key store. The app must also call
 * installAuditTrail(app) (audit/audit-trail.ts). Needs CqrsModule, a database and, with QUEUE_BACKEND=redis, Redis.
 */
@Module({
  imports: [ApiKeysModule, TypeOrmModule.forFeature([AuditEventRow])],
  providers: [
    ApiKeyAuthenticator,
    { provide: AuditLog, useClass: TypeOrmAuditLog },
    AuditTrail,
    rateLimitStorageProvider,
    ...auditHandlers,
    // Guards run in the order registered. The use case is noted first, so even a call refused
    // by a later guard is audited with it; the rate limit comes before authentication, so a
    // flood is refused before it costs a database lookup; then who is calling, then what they
    // may do.
    { provide: APP_GUARD, useClass: AuditActionGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [ApiKeysModule, ApiKeyAuthenticator],
})
export class AccessModule {}
