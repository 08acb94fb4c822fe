import type { EntityManager } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import type { Demand } from '../domain/iaas-spec.js';

/**
 * Capacity held for requests, kept two ways that must agree: the data centre's `used_*` counters
 * (what placement reads) and one reservation row per request (what is held for whom). Both change
 * in the caller's transaction, by conditional updates only: never read-then-write.
 */

/**
 * Holds `demand` in the data centre if it still fits, with `work` (what the hold makes possible)
 * in the same transaction: the reservation row, then `work`, then the conditional update of the
 * data centre's counters. Null when it does not fit: then neither the reservation nor anything
 * `work` wrote remains (rolled back to a savepoint). The counters come last because that row is
 * every submission's hot spot: its lock, held until the caller commits, is then held for the
 * shortest time, instead of across everything the caller writes after placing.
 */
export async function holdCapacity<T>(
  manager: EntityManager,
  reservation: { requestId: string; tenantId: string; dataCentreCode: string; demand: Demand },
  work: () => Promise<T>,
): Promise<{ value: T } | null> {
  const { vcpu, memoryGib, storageGib, publicIps, vms } = reservation.demand;
  await manager.query('SAVEPOINT hold_capacity');
  await preparedQuery(
    manager,
    `INSERT INTO capacity_reservations
       (request_id, data_centre_code, tenant_id, vcpu, memory_gib, storage_gib, public_ips, vms, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'held')`,
    [reservation.requestId, reservation.dataCentreCode, reservation.tenantId, vcpu, memoryGib, storageGib, publicIps, vms],
  );
  const value = await work();
  const { rowCount: updated } = await preparedQuery(
    manager,
    `UPDATE data_centres SET
       used_vcpu = used_vcpu + $2, used_memory_gib = used_memory_gib + $3,
       used_storage_gib = used_storage_gib + $4, used_public_ips = used_public_ips + $5, updated_at = now()
     WHERE code = $1 AND status = 'active'
       AND used_vcpu + $2 <= capacity_vcpu AND used_memory_gib + $3 <= capacity_memory_gib
       AND used_storage_gib + $4 <= capacity_storage_gib AND used_public_ips + $5 <= capacity_public_ips`,
    [reservation.dataCentreCode, vcpu, memoryGib, storageGib, publicIps],
  );
  if (updated === 1) return { value };
  await manager.query('ROLLBACK TO SAVEPOINT hold_capacity');
  return null;
}

/** held → committed, once the request is ACTIVE. False if it was not held. */
export async function commitCapacity(manager: EntityManager, requestId: string): Promise<boolean> {
  const [, updated]: [unknown[], number] = await manager.query(
    `UPDATE capacity_reservations SET status = 'committed', updated_at = now() WHERE request_id = $1 AND status = 'held'`,
    [requestId],
  );
  return updated === 1;
}

/**
 * Gives the capacity back (rollback, decommission, expiry). Idempotent: a second release finds the
 * reservation already released and changes nothing.
 */
export async function releaseCapacity(manager: EntityManager, requestId: string): Promise<boolean> {
  const released: [{ data_centre_code: string; vcpu: number; memory_gib: number; storage_gib: number; public_ips: number }[], number] =
    await manager.query(
      `UPDATE capacity_reservations SET status = 'released', updated_at = now()
       WHERE request_id = $1 AND status IN ('held', 'committed')
       RETURNING data_centre_code, vcpu, memory_gib, storage_gib, public_ips`,
      [requestId],
    );
  const [rows] = released;
  if (rows.length === 0) return false;
  const r = rows[0];
  await manager.query(
    `UPDATE data_centres SET
       used_vcpu = used_vcpu - $2, used_memory_gib = used_memory_gib - $3,
       used_storage_gib = used_storage_gib - $4, used_public_ips = used_public_ips - $5, updated_at = now()
     WHERE code = $1`,
    [r.data_centre_code, r.vcpu, r.memory_gib, r.storage_gib, r.public_ips],
  );
  return true;
}
