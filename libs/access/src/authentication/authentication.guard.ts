import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedError } from '#libs/core/src/domain/domain-error.js';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import type { AuthenticatedRequest } from './current-caller.decorator.js';
import { IS_PUBLIC } from '#libs/core/src/http/public.decorator.js';

/** Global: every route needs a valid API key unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = await this.authenticator.authenticate(request.headers.authorization);
    if (!caller) throw new UnauthenticatedError();
    request.caller = caller;
    return true;
  }
}
