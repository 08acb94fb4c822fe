import { NotFoundError } from '#libs/core/src/domain/domain-error.js';
import type { Caller } from '#libs/access/src/domain/caller.js';
import { ObjectVisibility } from '#libs/access/src/authorization/object-visibility.js';

/**
 * The shape of every catalogue visibility check: read the key from the path, answer a key that
 * cannot exist without SQL, and refuse an invisible object with the use case's own not-found
 * words, so it cannot be told from a missing one.
 *
 * The platform operator sees every object, so there is nothing to check: whether the object
 * exists is the use case's answer, given after the request has been validated (a bad body on an
 * unknown id is a 400, as before access control).
 */
export abstract class CatalogueObjectVisibility extends ObjectVisibility {
  /** As NotFoundError names it: 'data centre', 'tenant'… */
  protected abstract readonly resource: string;
  /** The path parameter holding the key. */
  protected abstract readonly param: string;

  /** False for a key no object can have (PostgreSQL would fail on a malformed uuid). */
  protected abstract isWellFormed(key: string): boolean;

  /** Whether the object exists and the (non-platform) caller may see it. */
  protected abstract isVisible(caller: Caller, key: string): Promise<boolean>;

  async assertVisible(caller: Caller, params: Record<string, string>): Promise<void> {
    if (caller.scope.kind === 'platform') return;
    const key = params[this.param];
    if (key === undefined) throw new Error(`${this.constructor.name} needs the path parameter '${this.param}'.`);
    if (!this.isWellFormed(key) || !(await this.isVisible(caller, key))) throw new NotFoundError(this.resource, key);
  }
}
