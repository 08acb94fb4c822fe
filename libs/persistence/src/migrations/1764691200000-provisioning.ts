import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provisioning requests and their steps, the append-only event log, the transactional outbox,
 * idempotency keys, capacity reservations and deployments.
 */
export class Provisioning1764691200000 implements MigrationInterface {
  name = 'Provisioning1764691200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE provisioning_requests (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        service text NOT NULL CHECK (service IN ('iaas', 'draas', 'daas')),
        spec jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'REJECTED', 'PROVISIONING', 'ACTIVE', 'ROLLING_BACK',
          'ROLLED_BACK', 'FAILED', 'DECOMMISSIONING', 'DECOMMISSIONED')),
        version integer NOT NULL DEFAULT 0,
        data_centre_code text REFERENCES data_centres (code),
        placement jsonb,
        demand jsonb NOT NULL,
        cancel_requested boolean NOT NULL DEFAULT false,
        failure jsonb,
        submitted_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX provisioning_requests_tenant ON provisioning_requests (tenant_id, id)`);
    await db.query(`CREATE INDEX provisioning_requests_status ON provisioning_requests (status, id)`);
    await db.query(`CREATE INDEX provisioning_requests_data_centre ON provisioning_requests (data_centre_code, id)`);
    await db.query(`
      CREATE TABLE provisioning_steps (
        request_id uuid NOT NULL REFERENCES provisioning_requests (id),
        position integer NOT NULL,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'skipped',
          'compensating', 'compensated', 'compensation-failed')),
        attempts integer NOT NULL DEFAULT 0,
        compensation_attempts integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        finished_at timestamptz,
        -- Per item (one VM, one volume…): its idempotency key, partner operation and resource.
        items jsonb NOT NULL DEFAULT '[]',
        last_error text,
        PRIMARY KEY (request_id, position)
      )`);
    await db.query(`
      CREATE TABLE request_events (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES provisioning_requests (id),
        at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX request_events_request ON request_events (request_id, id)`);
    await db.query(`
      CREATE TABLE outbox (
        id text PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        available_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz
      )`);
    await db.query(`CREATE INDEX outbox_pending ON outbox (available_at) WHERE dispatched_at IS NULL`);
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb NOT NULL,
        location text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (scope, key)
      )`);
    await db.query(`
      CREATE TABLE capacity_reservations (
        request_id uuid PRIMARY KEY REFERENCES provisioning_requests (id),
        data_centre_code text NOT NULL REFERENCES data_centres (code),
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        vcpu integer NOT NULL CHECK (vcpu >= 0),
        memory_gib integer NOT NULL CHECK (memory_gib >= 0),
        storage_gib integer NOT NULL CHECK (storage_gib >= 0),
        public_ips integer NOT NULL CHECK (public_ips >= 0),
        vms integer NOT NULL CHECK (vms >= 0),
        status text NOT NULL CHECK (status IN ('held', 'committed', 'released')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE deployments (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL UNIQUE REFERENCES provisioning_requests (id),
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        data_centre_code text NOT NULL REFERENCES data_centres (code),
        status text NOT NULL CHECK (status IN ('active', 'decommissioning', 'decommissioned')),
        resources jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['deployments', 'capacity_reservations', 'idempotency_keys', 'outbox', 'request_events',
      'provisioning_steps', 'provisioning_requests']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
