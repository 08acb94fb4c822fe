import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import { ForbiddenError } from '#libs/core/src/domain/domain-error.js';
import { IS_PUBLIC } from '#libs/core/src/http/public.decorator.js';
import type { AuthenticatedRequest } from '../authentication/current-caller.decorator.js';
import { ACCESS_RULE, type AccessRule } from './access.decorator.js';

/**
 * Runs after authentication. Order matters: first whether the caller can see the named object
 * (404 if not, as if missing), then whether its role may do this (403).
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly modules: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    const name = `${context.getClass().name}.${context.getHandler().name}`;
    // A route without a rule is a programming error: refuse it loudly rather than open it.
    if (!rule) throw new Error(`Route ${name} declares no @Access rule.`);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller!;
    if (rule.object) {
      const visibility = this.modules.get(rule.object, { strict: false });
      await visibility.assertVisible(caller, request.params as Record<string, string>);
    }
    if (!rule.roles.includes(caller.role)) {
      throw new ForbiddenError(caller.role, `call ${request.method} ${request.route?.path ?? request.path}`);
    }
    return true;
  }
}
