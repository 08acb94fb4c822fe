import type { Role, Scope } from './caller.js';

/** An API key as the control plane keeps it: everything but the secret, of which only a hash exists. */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  scope: Scope;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface StoredApiKey {
  key: ApiKey;
  secretHash: string;
}

export abstract class ApiKeyRepository {
  abstract find(id: string): Promise<StoredApiKey | null>;
  abstract insert(key: Omit<ApiKey, 'createdAt' | 'lastUsedAt' | 'revokedAt'>, secretHash: string): Promise<void>;
  /** Revokes a live key; false when it was already revoked (or does not exist). */
  abstract revoke(id: string): Promise<boolean>;
  /** Records use, at most about once a minute per key, so reads do not become writes. */
  abstract touch(id: string): Promise<void>;
}
