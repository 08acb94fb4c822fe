import type { DataSource, EntityManager } from 'typeorm';
import { RuleViolationError } from '#libs/core/src/domain/domain-error.js';
import type { StoredResponse } from './stored-response.js';

/** How long a key replays its first response. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/** A key as one caller sent it, bound to its request's fingerprint. */
export interface IdempotencyClaim {
  /** Whose key: the API key's id, so two callers' keys never meet. */
  scope: string;
  key: string;
  fingerprint: string;
}

/**
 * Runs `work` in one transaction that first claims the idempotency key, and stores the response
 * beside what the work wrote: both commit or neither does.
 *
 * The claim is an insert on the key's primary key. A concurrent request with the same key blocks
 * on that index until the first commits, then finds the key taken and replays the stored response;
 * if the first rolls back instead, the waiter's insert goes through and it does the work itself.
 * An expired key is taken over, so it never replays.
 */
export function runIdempotently(
  dataSource: DataSource,
  claim: IdempotencyClaim | null,
  work: (manager: EntityManager) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  return dataSource.transaction(async (manager) => {
    if (claim) {
      const earlier = await claimKey(manager, claim);
      if (earlier) return earlier;
    }
    const response = await work(manager);
    if (claim) {
      await manager.query(
        `UPDATE idempotency_keys SET response_status = $3, response_body = $4, location = $5 WHERE scope = $1 AND key = $2`,
        [claim.scope, claim.key, response.status, response.body, response.location],
      );
    }
    return response;
  });
}

/** Null when this transaction now holds the key; else the response it was first answered with. */
async function claimKey(manager: EntityManager, claim: IdempotencyClaim): Promise<StoredResponse | null> {
  const claimed: unknown[] = await manager.query(
    `INSERT INTO idempotency_keys (scope, key, fingerprint, response_status, response_body, expires_at)
     VALUES ($1, $2, $3, 0, '{}', now() + make_interval(hours => $4))
     ON CONFLICT (scope, key) DO UPDATE
       SET fingerprint = EXCLUDED.fingerprint, response_status = 0, response_body = '{}', location = NULL,
           created_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_keys.expires_at <= now()
     RETURNING 1`,
    [claim.scope, claim.key, claim.fingerprint, IDEMPOTENCY_KEY_TTL_HOURS],
  );
  if (claimed.length === 1) return null;
  const [earlier]: { fingerprint: string; response_status: number; response_body: Record<string, unknown>; location: string | null }[] =
    await manager.query(`SELECT fingerprint, response_status, response_body, location FROM idempotency_keys WHERE scope = $1 AND key = $2`, [
      claim.scope,
      claim.key,
    ]);
  // Keys are never deleted while they may replay, so the conflicting row is there to read.
  if (earlier.fingerprint !== claim.fingerprint) {
    throw new RuleViolationError(
      'idempotency-key-reused',
      `The Idempotency-Key '${claim.key}' was first used for a different request (another body or path). ` +
        'Use a new key for a new request; to retry the first one, send it exactly as before.',
      { idempotencyKey: claim.key },
    );
  }
  return { status: earlier.response_status, body: earlier.response_body, location: earlier.location, replayed: true };
}
