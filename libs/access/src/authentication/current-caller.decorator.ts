import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from '../domain/caller.js';

export type AuthenticatedRequest = Request & { caller?: Caller };

/** The authenticated caller; the authentication guard has already refused requests without one. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('No caller on the request: is the route public by mistake?');
  return caller;
});
