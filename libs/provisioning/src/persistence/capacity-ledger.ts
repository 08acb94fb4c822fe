import type { EntityManager } from 'typeorm';
import type { Demand } from '../domain/iaas-spec.js';

/**
 * Capacity and quota held for requests, kept in counters that must agree with one reservation row
 * per request: the data centre's `used_*` (what placement reads), the tenant's `used_*` (what the
 * quota rule reads) and the reservation (what is held for whom). All change in the caller's
 * transaction, by conditional updates only: never read-then-write. Rows are always locked tenant
 * first, then data centre, so two transactions never wait on each other in a circle.
 */

/** A planned site takes work from its opening day on, as the data-centre-status rule says. */
const TAKES_WORK = `(status = 'active' OR (status = 'planned' AND available_from <= current_date))`;

type QuotaDemand = Omit<Demand, 'publicIps'>;

/** Holds `demand` against the tenant's quota if it still fits and the tenant is active; false when not (nothing written). */
export async function holdQuota(manager: EntityManager, tenantId: string, demand: QuotaDemand): Promise<boolean> {
  const [, held]: [unknown[], number] = await manager.query(
    `UPDATE tenants SET
       used_vcpu = used_vcpu + $2, used_memory_gib = used_memory_gib + $3, used_storage_gib = used_storage_gib + $4,
       used_vms = used_vms + $5
     WHERE id = $1 AND status = 'active'
       AND used_vcpu + $2 <= quota_vcpu AND used_memory_gib + $3 <= quota_memory_gib
       AND used_storage_gib + $4 <= quota_storage_gib AND used_vms + $5 <= quota_vms`,
    [tenantId, demand.vcpu, demand.memoryGib, demand.storageGib, demand.vms],
  );
  return held === 1;
}

/**
 * Holds `demand` in the data centre if it still fits and the site takes work, and records the
 * reservation; false when it does not (nothing written). The quota must be held already.
 */
export async function holdCapacity(
  manager: EntityManager,
  reservation: { requestId: string; tenantId: string; dataCentreCode: string; demand: Demand },
): Promise<boolean> {
  const { vcpu, memoryGib, storageGib, publicIps, vms } = reservation.demand;
  const [, held]: [unknown[], number] = await manager.query(
    `UPDATE data_centres SET
       used_vcpu = used_vcpu + $2, used_memory_gib = used_memory_gib + $3,
       used_storage_gib = used_storage_gib + $4, used_public_ips = used_public_ips + $5, updated_at = now()
     WHERE code = $1 AND ${TAKES_WORK}
       AND used_vcpu + $2 <= capacity_vcpu AND used_memory_gib + $3 <= capacity_memory_gib
       AND used_storage_gib + $4 <= capacity_storage_gib AND used_public_ips + $5 <= capacity_public_ips`,
    [reservation.dataCentreCode, vcpu, memoryGib, storageGib, publicIps],
  );
  if (held !== 1) return false;
  await manager.query(
    `INSERT INTO capacity_reservations
       (request_id, data_centre_code, tenant_id, vcpu, memory_gib, storage_gib, public_ips, vms, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'held')`,
    [reservation.requestId, reservation.dataCentreCode, reservation.tenantId, vcpu, memoryGib, storageGib, publicIps, vms],
  );
  return true;
}

/** Gives quota back: a hold no reservation came of, or a released reservation's share. */
export async function releaseQuota(manager: EntityManager, tenantId: string, demand: QuotaDemand): Promise<void> {
  await manager.query(
    `UPDATE tenants SET used_vcpu = used_vcpu - $2, used_memory_gib = used_memory_gib - $3,
       used_storage_gib = used_storage_gib - $4, used_vms = used_vms - $5 WHERE id = $1`,
    [tenantId, demand.vcpu, demand.memoryGib, demand.storageGib, demand.vms],
  );
}

/** held → committed, once the request is ACTIVE. False if it was not held. */
export async function commitCapacity(manager: EntityManager, requestId: string): Promise<boolean> {
  const [, updated]: [unknown[], number] = await manager.query(
    `UPDATE capacity_reservations SET status = 'committed', updated_at = now() WHERE request_id = $1 AND status = 'held'`,
    [requestId],
  );
  return updated === 1;
}

interface ReleasedRow {
  tenant_id: string;
  data_centre_code: string;
  vcpu: number;
  memory_gib: number;
  storage_gib: number;
  public_ips: number;
  vms: number;
}

/**
 * Gives the capacity and quota back (rollback, decommission, rejection, expiry). Idempotent: a
 * second release finds the reservation already released and changes nothing.
 */
export async function releaseCapacity(manager: EntityManager, requestId: string): Promise<boolean> {
  const [rows]: [ReleasedRow[], number] = await manager.query(
    `UPDATE capacity_reservations SET status = 'released', updated_at = now()
     WHERE request_id = $1 AND status IN ('held', 'committed')
     RETURNING tenant_id, data_centre_code, vcpu, memory_gib, storage_gib, public_ips, vms`,
    [requestId],
  );
  if (rows.length === 0) return false;
  const r = rows[0];
  await releaseQuota(manager, r.tenant_id, { vcpu: r.vcpu, memoryGib: r.memory_gib, storageGib: r.storage_gib, vms: r.vms });
  await manager.query(
    `UPDATE data_centres SET
       used_vcpu = used_vcpu - $2, used_memory_gib = used_memory_gib - $3,
       used_storage_gib = used_storage_gib - $4, used_public_ips = used_public_ips - $5, updated_at = now()
     WHERE code = $1`,
    [r.data_centre_code, r.vcpu, r.memory_gib, r.storage_gib, r.public_ips],
  );
  return true;
}
