import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key as the caller holds it: `hcp_<keyId>_<secret>`. The key id (public, indexed) finds
 * the row; the secret (256 random bits) is checked against its SHA-256. A slow hash buys nothing
 * for secrets this long, and keeps every request's check cheap.
 */
const PREFIX = 'hcp';
const KEY_ID_BYTES = 9;
const SECRET_BYTES = 32;
const KEY_PATTERN = /^hcp_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

export interface IssuedSecret {
  keyId: string;
  /** Shown to the caller once; never stored. */
  plaintext: string;
  secretHash: string;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function issueSecret(): IssuedSecret {
  const keyId = randomBytes(KEY_ID_BYTES).toString('base64url');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { keyId, plaintext: `${PREFIX}_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a presented key; null for anything that is not shaped like one of ours. */
export function parseKey(presented: string): { keyId: string; secret: string } | null {
  const match = KEY_PATTERN.exec(presented);
  return match ? { keyId: match[1], secret: match[2] } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
