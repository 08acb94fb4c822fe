import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_POLICY_RULES } from '#libs/policy/src/default-policy-rules.js';

/**
 * Policy as data: the rules and every version they have had (a decision names the versions it
 * used, so the history must outlive any edit). Tenants get quota counters kept, like the data
 * centres' `used_*`, by conditional updates only. Requests get their policy decision and the
 * approval they may wait for. The baseline rules are installed here, not by the demo seed: without
 * them nothing would keep a Chinese bank's data in China. Later changes go through the API (or a
 * later migration), never by editing this one's effect.
 */
export class Policy1764777600000 implements MigrationInterface {
  name = 'Policy1764777600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE policy_rules (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL UNIQUE,
        description text NOT NULL,
        enabled boolean NOT NULL,
        params jsonb NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE policy_rule_versions (
        rule_id uuid NOT NULL REFERENCES policy_rules (id),
        version integer NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        enabled boolean NOT NULL,
        params jsonb NOT NULL,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rule_id, version)
      )`);
    for (const rule of DEFAULT_POLICY_RULES) {
      await db.query(
        `INSERT INTO policy_rules (id, kind, name, description, enabled, params, version) VALUES ($1, $2, $3, $4, $5, $6, 1)`,
        [rule.id, rule.kind, rule.name, rule.description, rule.enabled, JSON.stringify(rule.params)],
      );
      await db.query(
        `INSERT INTO policy_rule_versions (rule_id, version, kind, name, description, enabled, params, changed_by)
         SELECT id, version, kind, name, description, enabled, params, 'migration' FROM policy_rules WHERE id = $1`,
        [rule.id],
      );
    }

    for (const pool of ['vcpu', 'memory_gib', 'storage_gib', 'vms']) {
      // No CHECK against the quota: an operator may lower a quota below what is in use; only new holds are refused.
      await db.query(`ALTER TABLE tenants ADD COLUMN used_${pool} integer NOT NULL DEFAULT 0 CHECK (used_${pool} >= 0)`);
    }
    await db.query(`
      UPDATE tenants t SET used_vcpu = r.vcpu, used_memory_gib = r.memory_gib, used_storage_gib = r.storage_gib, used_vms = r.vms
      FROM (SELECT tenant_id, sum(vcpu) AS vcpu, sum(memory_gib) AS memory_gib, sum(storage_gib) AS storage_gib, sum(vms) AS vms
            FROM capacity_reservations WHERE status IN ('held', 'committed') GROUP BY tenant_id) r
      WHERE r.tenant_id = t.id`);

    await db.query(`ALTER TABLE provisioning_requests DROP CONSTRAINT provisioning_requests_status_check`);
    await db.query(`
      ALTER TABLE provisioning_requests ADD CONSTRAINT provisioning_requests_status_check CHECK (status IN ('SUBMITTED',
        'AWAITING_APPROVAL', 'REJECTED', 'PROVISIONING', 'ACTIVE', 'ROLLING_BACK', 'ROLLED_BACK', 'FAILED',
        'DECOMMISSIONING', 'DECOMMISSIONED'))`);
    await db.query(`ALTER TABLE provisioning_requests ADD COLUMN decision jsonb`);
    await db.query(`ALTER TABLE provisioning_requests ADD COLUMN approval jsonb`);
    await db.query(`ALTER TABLE provisioning_requests ADD COLUMN approval_deadline timestamptz`);
    // The periodic sweeps look for these two: requests awaiting a decision, and holds that stopped moving.
    await db.query(`CREATE INDEX provisioning_requests_approval_deadline ON provisioning_requests (approval_deadline)
      WHERE status = 'AWAITING_APPROVAL'`);
    await db.query(`CREATE INDEX capacity_reservations_held ON capacity_reservations (updated_at) WHERE status = 'held'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX capacity_reservations_held`);
    await db.query(`DROP INDEX provisioning_requests_approval_deadline`);
    for (const column of ['approval_deadline', 'approval', 'decision']) await db.query(`ALTER TABLE provisioning_requests DROP COLUMN ${column}`);
    await db.query(`ALTER TABLE provisioning_requests DROP CONSTRAINT provisioning_requests_status_check`);
    await db.query(`
      ALTER TABLE provisioning_requests ADD CONSTRAINT provisioning_requests_status_check CHECK (status IN ('SUBMITTED',
        'REJECTED', 'PROVISIONING', 'ACTIVE', 'ROLLING_BACK', 'ROLLED_BACK', 'FAILED', 'DECOMMISSIONING', 'DECOMMISSIONED'))`);
    for (const pool of ['vcpu', 'memory_gib', 'storage_gib', 'vms']) await db.query(`ALTER TABLE tenants DROP COLUMN used_${pool}`);
    await db.query(`DROP TABLE policy_rule_versions`);
    await db.query(`DROP TABLE policy_rules`);
  }
}
