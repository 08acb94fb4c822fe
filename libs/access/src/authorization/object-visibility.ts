import type { Caller } from '../domain/caller.js';

/**
 * Answers whether the caller may see the object a route's path names. Throws NotFoundError when
 * it may not, with the same words as for an object that does not exist: another scope's object
 * must be indistinguishable from a missing one.
 */
export abstract class ObjectVisibility {
  abstract assertVisible(caller: Caller, params: Record<string, string>): Promise<void>;
}
