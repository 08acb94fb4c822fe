import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys (hash only) and the audit trail of state-changing calls. */
export class AccessControl1764604800000 implements MigrationInterface {
  name = 'AccessControl1764604800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('platform-operator', 'partner-operator', 'tenant')),
        partner_code text REFERENCES partners (code),
        tenant_id uuid REFERENCES tenants (id),
        secret_hash char(64) NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        -- The scope matches the role: a partner operator has a partner, a tenant key a tenant, nothing else.
        CHECK ((role = 'partner-operator') = (partner_code IS NOT NULL)),
        CHECK ((role = 'tenant') = (tenant_id IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        key_id text,
        role text,
        scope text,
        action text NOT NULL,
        method text NOT NULL,
        target text NOT NULL,
        status integer NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('succeeded', 'refused', 'failed')),
        detail text
      )`);
    await db.query(`CREATE INDEX audit_events_key_id ON audit_events (key_id, id)`);
    await db.query(`CREATE INDEX audit_events_target ON audit_events (target, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP TABLE api_keys`);
  }
}
