import { SetMetadata, type Type } from '@nestjs/common';
import type { Role } from '../domain/caller.js';
import type { ObjectVisibility } from './object-visibility.js';

export const ACCESS_RULE = 'access:rule';

export interface AccessRule {
  /** The roles that may call the route. */
  roles: readonly Role[];
  /** For routes that name an object: who may see it. Checked before the role, so 403 only where visible. */
  object?: Type<ObjectVisibility>;
}

/** Every non-public route declares its rule; the authorization guard refuses routes without one. */
export const Access = (rule: AccessRule): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, rule);

export const EVERY_ROLE: readonly Role[] = ['platform-operator', 'partner-operator', 'tenant'];
export const PLATFORM_ONLY: readonly Role[] = ['platform-operator'];
