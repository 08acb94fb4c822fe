import type { Request } from 'express';
import type { Caller } from '#libs/access/src/domain/caller.js';
import type { IdempotencyClaim } from './idempotent-transaction.js';
import { requestFingerprint } from './request-fingerprint.js';

/** The claim a request makes with its Idempotency-Key: per API key, bound to method, path and body. */
export const idempotencyClaim = (caller: Caller, key: string | null, req: Request, body: unknown): IdempotencyClaim | null =>
  key === null ? null : { scope: caller.keyId, key, fingerprint: requestFingerprint(req.method, req.path, body) };
