import type pg from 'pg';
import { issueSecret } from '#libs/access/src/domain/api-key-secret.js';
import type { Role } from '#libs/access/src/domain/caller.js';

export interface TestKeyScope {
  role: Role;
  /** Required for a partner operator. */
  partnerCode?: string;
  /** Required for a tenant. */
  tenantId?: string;
}

/**
 * Stores an API key for a role and scope straight in the database, as the key store would, and
 * returns the plaintext to send as `Authorization: Bearer <key>`. The table's checks refuse a
 * scope that does not match the role.
 */
export async function createTestKey(db: pg.Pool, { role, partnerCode, tenantId }: TestKeyScope): Promise<string> {
  const { keyId, plaintext, secretHash } = issueSecret();
  const scope = partnerCode ?? tenantId ?? 'platform';
  await db.query(
    `INSERT INTO api_keys (id, name, role, partner_code, tenant_id, secret_hash) VALUES ($1, $2, $3, $4, $5, $6)`,
    [keyId, `test ${role} ${scope} ${keyId}`, role, partnerCode ?? null, tenantId ?? null, secretHash],
  );
  return plaintext;
}
