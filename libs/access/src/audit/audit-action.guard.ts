import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { actionOfController } from './audit-event.js';
import type { AuditedRequest } from './audited-request.js';

/**
 * Registered first of the global guards, so even a call the rate limiter or authentication
 * refuses is recorded with the use case it was aimed at. It never refuses anything itself.
 */
@Injectable()
export class AuditActionGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      context.switchToHttp().getRequest<AuditedRequest>().auditAction = actionOfController(context.getClass().name);
    }
    return true;
  }
}
