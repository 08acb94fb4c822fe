import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue: regions, jurisdictions, partners, data centres, tenants, images and sizes. */
export class Catalogue1764518400000 implements MigrationInterface {
  name = 'Catalogue1764518400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE regions (
        code text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE jurisdictions (
        country char(2) PRIMARY KEY CHECK (country ~ '^[A-Z]{2}$'),
        name text NOT NULL,
        region_code text NOT NULL REFERENCES regions (code),
        provider_may_own_data_centres boolean NOT NULL,
        ownership_rationale text NOT NULL,
        default_residency text NOT NULL CHECK (default_residency IN ('in-country', 'in-region', 'none')),
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE partners (
        code text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('provider', 'local-partner')),
        country char(2) REFERENCES jurisdictions (country),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The provider is one partner; a second 'provider' row would make ownership ambiguous.
    await db.query(`CREATE UNIQUE INDEX partners_single_provider ON partners (kind) WHERE kind = 'provider'`);
    await db.query(`
      CREATE TABLE data_centres (
        code text PRIMARY KEY,
        name text NOT NULL,
        country char(2) NOT NULL REFERENCES jurisdictions (country),
        operator_code text NOT NULL REFERENCES partners (code),
        ownership text NOT NULL CHECK (ownership IN ('owned', 'partner-operated')),
        services text[] NOT NULL CHECK (services <@ ARRAY['iaas', 'draas', 'daas']::text[]),
        capacity_vcpu integer NOT NULL CHECK (capacity_vcpu >= 0),
        capacity_memory_gib integer NOT NULL CHECK (capacity_memory_gib >= 0),
        capacity_storage_gib integer NOT NULL CHECK (capacity_storage_gib >= 0),
        capacity_public_ips integer NOT NULL CHECK (capacity_public_ips >= 0),
        used_vcpu integer NOT NULL DEFAULT 0 CHECK (used_vcpu BETWEEN 0 AND capacity_vcpu),
        used_memory_gib integer NOT NULL DEFAULT 0 CHECK (used_memory_gib BETWEEN 0 AND capacity_memory_gib),
        used_storage_gib integer NOT NULL DEFAULT 0 CHECK (used_storage_gib BETWEEN 0 AND capacity_storage_gib),
        used_public_ips integer NOT NULL DEFAULT 0 CHECK (used_public_ips BETWEEN 0 AND capacity_public_ips),
        status text NOT NULL CHECK (status IN ('planned', 'active', 'maintenance', 'offline')),
        available_from date,
        status_reason text,
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'planned') = (available_from IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX data_centres_country ON data_centres (country)`);
    await db.query(`CREATE INDEX data_centres_operator ON data_centres (operator_code)`);
    await db.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        home_country char(2) NOT NULL REFERENCES jurisdictions (country),
        segment text NOT NULL CHECK (segment IN ('enterprise-large', 'enterprise-medium', 'government')),
        sector text NOT NULL CHECK (sector IN
          ('financial', 'energy', 'transportation', 'insurance', 'healthcare', 'education', 'other')),
        residency text NOT NULL CHECK (residency IN ('in-country', 'in-region', 'none')),
        quota_vcpu integer NOT NULL CHECK (quota_vcpu >= 0),
        quota_memory_gib integer NOT NULL CHECK (quota_memory_gib >= 0),
        quota_storage_gib integer NOT NULL CHECK (quota_storage_gib >= 0),
        quota_vms integer NOT NULL CHECK (quota_vms >= 0),
        status text NOT NULL CHECK (status IN ('active', 'suspended')),
        suspended_reason text,
        version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX tenants_home_country ON tenants (home_country)`);
    await db.query(`
      CREATE TABLE images (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        os_family text NOT NULL CHECK (os_family IN ('windows', 'linux')),
        vendor text NOT NULL,
        version text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sizes (
        code text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        vcpu integer NOT NULL CHECK (vcpu > 0),
        memory_gib integer NOT NULL CHECK (memory_gib > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['sizes', 'images', 'tenants', 'data_centres', 'partners', 'jurisdictions', 'regions']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
