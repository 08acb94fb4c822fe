import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { ApiKeyRepository } from '../domain/api-key.js';
import { hashSecret, parseKey, secretMatches } from '../domain/api-key-secret.js';
import type { Caller } from '../domain/caller.js';

export const BOOTSTRAP_KEY_ID = 'bootstrap';

/** Turns an Authorization header into a caller, or null: the reason is never told apart. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly bootstrapHash: Buffer | null;

  constructor(
    private readonly keys: ApiKeyRepository,
    config: AppConfig,
  ) {
    this.bootstrapHash = config.bootstrapApiKey ? Buffer.from(hashSecret(config.bootstrapApiKey), 'hex') : null;
  }

  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const presented = /^Bearer ([^\s]+)$/.exec(authorization ?? '')?.[1];
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

  private isBootstrapKey(presented: string): boolean {
    if (!this.bootstrapHash) return false;
    return timingSafeEqual(Buffer.from(hashSecret(presented), 'hex'), this.bootstrapHash);
  }
}
