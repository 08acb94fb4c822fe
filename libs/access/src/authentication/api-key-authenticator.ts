import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { ApiKeyRepository } from '../domain/api-key.js';
import { hashSecret, parseKey, secretMatches } from '../domain/api-key-secret.js';
import type { Caller } from '../domain/caller.js';

export const BOOTSTRAP_KEY_ID = 'bootstrap';

const bearerKey = (authorization: string | undefined): string | undefined => /^Bearer ([^\s]+)$/.exec(authorization ?? '')?.[1];

/** Turns an Authorization header into a caller, or null: the reason is never told apart. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly bootstrapHash: Buffer | null;
  /**
   * Tells bootstrap keys apart where a name is shared by processes with different keys (a rate
   * limit counter in a Redis that two deployments, or parallel test apps, use). Derived from the
   * hash, never the key, and too short to help anyone guess it.
   */
  private readonly bootstrapFingerprint: string | null;

  constructor(
    private readonly keys: ApiKeyRepository,
    config: AppConfig,
  ) {
    this.bootstrapHash = config.bootstrapApiKey ? Buffer.from(hashSecret(config.bootstrapApiKey), 'hex') : null;
    this.bootstrapFingerprint = this.bootstrapHash
      ? createHash('sha256').update(this.bootstrapHash).digest('hex').slice(0, 12)
      : null;
  }

  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const presented = bearerKey(authorization);
    if (!presented) return null;
    if (this.isBootstrapKey(presented)) {
      return { keyId: BOOTSTRAP_KEY_ID, role: 'platform-operator', scope: { kind: 'platform' } };
    }
    const parsed = parseKey(presented);
    if (!parsed) return null;
    const stored = await this.keys.find(parsed.keyId);
    if (!stored || stored.key.revokedAt !== null || !secretMatches(parsed.secret, stored.secretHash)) return null;
    await this.keys.touch(stored.key.id);
    return { keyId: stored.key.id, role: stored.key.role, scope: stored.key.scope };
  }

  /**
   * The key a request claims to use, unverified and without a database lookup: what the rate
   * limiter counts by before authentication spends any work on the request. Null without one.
   */
  claimedKey(authorization: string | undefined): string | null {
    const presented = bearerKey(authorization);
    if (!presented) return null;
    if (this.isBootstrapKey(presented)) return `${BOOTSTRAP_KEY_ID}-${this.bootstrapFingerprint}`;
    return parseKey(presented)?.keyId ?? null;
  }

  private isBootstrapKey(presented: string): boolean {
    if (!this.bootstrapHash) return false;
    return timingSafeEqual(Buffer.from(hashSecret(presented), 'hex'), this.bootstrapHash);
  }
}
