import type pg from 'pg';
import type { HttpPartnerBackend } from '#libs/partner-client/src/http/http-partner-backend.js';
import type { PartnerResource } from '#libs/partner-client/src/partner-backend.js';
import type { PartnerSimAdminClient } from '#libs/partner-client/src/http/partner-sim-admin.client.js';

export interface RequestRow {
  id: string;
  status: string;
  version: number;
  failure: { reason: string; leftovers: { partner: string; type: string; resourceId: string | null }[] } | null;
}

export interface StepRow {
  name: string;
  status: string;
  attempts: number;
  compensation_attempts: number;
  started_at: Date | null;
  finished_at: Date | null;
  items: { key: string; idempotencyKey: string; operationId: string | null; resourceId: string | null; status: string }[];
  last_error: string | null;
}

export const readRequest = async (db: pg.Pool, id: string): Promise<RequestRow> =>
  (await db.query<RequestRow>(`SELECT id, status, version, failure FROM provisioning_requests WHERE id = $1`, [id])).rows[0];

export const readSteps = async (db: pg.Pool, id: string): Promise<StepRow[]> =>
  (
    await db.query<StepRow>(
      `SELECT name, status, attempts, compensation_attempts, started_at, finished_at, items, last_error
       FROM provisioning_steps WHERE request_id = $1 ORDER BY position`,
      [id],
    )
  ).rows;

export const readEvents = async (db: pg.Pool, id: string): Promise<{ type: string; data: Record<string, unknown> }[]> =>
  (await db.query(`SELECT type, data FROM request_events WHERE request_id = $1 ORDER BY id`, [id])).rows;

/**
 * Polls the database until the request is in one of `statuses`. The deadline only keeps a hung
 * test from hanging the run; nothing is asserted about how long it took.
 */
export async function waitForStatus(db: pg.Pool, id: string, statuses: string[], timeoutMs = 60_000): Promise<RequestRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await readRequest(db, id);
    if (row && statuses.includes(row.status)) return row;
    if (Date.now() > deadline) {
      const steps = await readSteps(db, id);
      throw new Error(
        `Request ${id} is ${row?.status ?? 'missing'}, not ${statuses.join('/')}; steps: ${steps.map((s) => `${s.name}=${s.status}(${s.last_error ?? ''})`).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until a step of the request has reached `status` (to act mid-flight). */
export async function waitForStep(db: pg.Pool, id: string, step: string, statuses: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query<{ status: string }>(`SELECT status FROM provisioning_steps WHERE request_id = $1 AND name = $2`, [id, step]);
    if (rows[0] && statuses.includes(rows[0].status)) return;
    if (Date.now() > deadline) throw new Error(`Step ${step} of ${id} is ${rows[0]?.status}, not ${statuses.join('/')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The partner's live resources made for the request (the admin view: never flaky). */
export const liveResourcesOf = (simulator: PartnerSimAdminClient, partner: string, requestId: string): Promise<PartnerResource[]> =>
  simulator.inspectResources(partner, { request: requestId });

/** Same, through the control plane's own client, as the brief's check reads. */
export const listedResourcesOf = (partners: HttpPartnerBackend, partner: string, requestId: string): Promise<PartnerResource[]> =>
  partners.listResources(partner, { request: requestId });

export interface CapacityState {
  used: { vcpu: number; memoryGib: number; storageGib: number; publicIps: number };
  reservation: string | null;
}

export async function capacityOf(db: pg.Pool, dataCentre: string, requestId: string): Promise<CapacityState> {
  const { rows } = await db.query(
    `SELECT used_vcpu, used_memory_gib, used_storage_gib, used_public_ips FROM data_centres WHERE code = $1`,
    [dataCentre],
  );
  const reservation = await db.query<{ status: string }>(`SELECT status FROM capacity_reservations WHERE request_id = $1`, [requestId]);
  return {
    used: { vcpu: rows[0].used_vcpu, memoryGib: rows[0].used_memory_gib, storageGib: rows[0].used_storage_gib, publicIps: rows[0].used_public_ips },
    reservation: reservation.rows[0]?.status ?? null,
  };
}

/**
 * The ledger's invariant, per data centre: its used_* counters equal the sum of the reservations
 * still held or committed. Returns the mismatches (none when it holds).
 */
export async function capacityMismatches(db: pg.Pool): Promise<unknown[]> {
  const { rows } = await db.query(
    `SELECT dc.code, dc.used_vcpu, dc.used_memory_gib, dc.used_storage_gib, dc.used_public_ips,
            COALESCE(sum(r.vcpu), 0)::int AS vcpu, COALESCE(sum(r.memory_gib), 0)::int AS memory_gib,
            COALESCE(sum(r.storage_gib), 0)::int AS storage_gib, COALESCE(sum(r.public_ips), 0)::int AS public_ips
     FROM data_centres dc LEFT JOIN capacity_reservations r ON r.data_centre_code = dc.code AND r.status IN ('held', 'committed')
     GROUP BY dc.code`,
  );
  return rows.filter(
    (r) => r.used_vcpu !== r.vcpu || r.used_memory_gib !== r.memory_gib || r.used_storage_gib !== r.storage_gib || r.used_public_ips !== r.public_ips,
  );
}
