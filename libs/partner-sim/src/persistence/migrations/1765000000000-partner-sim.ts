import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The simulated partner backends' state: resources, asynchronous operations, profiles, faults. */
export class PartnerSim1765000000000 implements MigrationInterface {
  name = 'PartnerSim1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA IF NOT EXISTS partner_sim`);
    await db.query(`
      CREATE TABLE partner_sim.resources (
        id text PRIMARY KEY,
        partner text NOT NULL,
        type text NOT NULL CHECK (type IN ('org', 'network', 'volume', 'vm', 'vpn-link')),
        labels jsonb NOT NULL CHECK (jsonb_typeof(labels) = 'object'),
        spec jsonb NOT NULL CHECK (jsonb_typeof(spec) = 'object'),
        state text NOT NULL CHECK (state IN ('creating', 'active', 'deleting', 'deleted')),
        power text CHECK (power IN ('off', 'on')),
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CHECK ((type = 'vm') = (power IS NOT NULL)),
        CHECK ((state = 'deleted') = (deleted_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX resources_partner_request ON partner_sim.resources (partner, (labels->>'request'))`);
    await db.query(`CREATE INDEX resources_partner_tenant ON partner_sim.resources (partner, (labels->>'tenant'))`);
    await db.query(`CREATE INDEX resources_partner_created ON partner_sim.resources (partner, created_at, id)`);
    await db.query(`
      CREATE TABLE partner_sim.operations (
        id text PRIMARY KEY,
        partner text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'delete', 'power-on')),
        resource_id text NOT NULL REFERENCES partner_sim.resources (id),
        resource_type text NOT NULL,
        idempotency_key text NOT NULL,
        -- SHA-256 of the request the key was first used for.
        fingerprint text NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        -- The outcome, decided when the operation starts: no error code means it succeeds.
        error_code text,
        error_message text,
        error_permanent boolean,
        completes_at timestamptz NOT NULL,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (partner, idempotency_key),
        CHECK (status <> 'failed' OR error_code IS NOT NULL),
        CHECK (status <> 'succeeded' OR error_code IS NULL),
        CHECK ((status = 'running') = (completed_at IS NULL))
      )`);
    await db.query(`CREATE INDEX operations_resource_running ON partner_sim.operations (resource_id, completes_at) WHERE status = 'running'`);
    await db.query(`CREATE INDEX operations_partner_running ON partner_sim.operations (partner, completes_at) WHERE status = 'running'`);
    await db.query(`
      CREATE TABLE partner_sim.profiles (
        partner text PRIMARY KEY,
        latency_ms integer NOT NULL CHECK (latency_ms >= 0),
        jitter_ms integer NOT NULL CHECK (jitter_ms >= 0),
        transient_failure_rate double precision NOT NULL CHECK (transient_failure_rate BETWEEN 0 AND 1),
        permanent_failure_rate double precision NOT NULL CHECK (permanent_failure_rate BETWEEN 0 AND 1),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE partner_sim.faults (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        partner text NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'delete', 'power-on')),
        resource_type text CHECK (resource_type IN ('org', 'network', 'volume', 'vm', 'vpn-link')),
        kind text NOT NULL CHECK (kind IN ('transient', 'permanent')),
        count integer NOT NULL CHECK (count > 0),
        remaining integer NOT NULL CHECK (remaining BETWEEN 0 AND count),
        http_status integer CHECK (http_status IN (429, 503)),
        retry_after_seconds integer CHECK (retry_after_seconds >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (kind = 'transient' OR (http_status IS NULL AND retry_after_seconds IS NULL))
      )`);
    await db.query(`CREATE INDEX faults_partner_pending ON partner_sim.faults (partner, action, id) WHERE remaining > 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_sim.faults`);
    await db.query(`DROP TABLE partner_sim.profiles`);
    await db.query(`DROP TABLE partner_sim.operations`);
    await db.query(`DROP TABLE partner_sim.resources`);
  }
}
