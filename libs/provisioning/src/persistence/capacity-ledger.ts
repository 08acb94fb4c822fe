import type { EntityManager } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import type { Demand } from '../domain/iaas-spec.js';
import type { ChangeWrite } from './request-journal.js';

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

const RESERVATION_COLUMNS = 'request_id, data_centre_code, tenant_id, vcpu, memory_gib, storage_gib, public_ips, vms, status';

export type HoldOutcome<T> = { held: true; value: T } | { held: false; reason: 'over-quota' | 'no-room' };

export interface Reservation {
  requestId: string;
  tenantId: string;
  dataCentreCode: string;
  demand: Demand;
}

/**
 * Holds `demand` against the tenant's quota and in the data centre, with `work` (what the hold
 * makes possible) in the same transaction: the reservation row and `work`, then the two
 * conditional updates of the counters, tenant first, in one statement. Not held when the quota or
 * the site no longer has room (or the tenant was suspended, or the site stopped taking work): then
 * neither the reservation nor anything `work` wrote remains (rolled back to a savepoint). The
 * counters come last because those rows are every submission's hot spots: their locks, held until
 * the caller commits, are then held for the shortest time, not across everything the caller writes.
 *
 * `work` is given the reservation row as a write for the change it records (recordChange's
 * `also`), to save its own statement; a `work` that does not use it has the row written after it.
 */
export async function holdCapacity<T>(manager: EntityManager, reservation: Reservation, work: (reservationRow: ChangeWrite) => Promise<T>): Promise<HoldOutcome<T>> {
  const { vcpu, memoryGib, storageGib, publicIps, vms } = reservation.demand;
  await manager.query('SAVEPOINT hold_capacity');
  let writtenByWork = false;
  const value = await work((param) => {
    writtenByWork = true;
    const counts = [vcpu, memoryGib, storageGib, publicIps, vms].map((count) => `${param(count)}::int`);
    return `INSERT INTO capacity_reservations (${RESERVATION_COLUMNS})
            SELECT ${param(reservation.requestId)}::uuid, ${param(reservation.dataCentreCode)}::text, ${param(reservation.tenantId)}::uuid, ${counts.join(', ')}, 'held'
            FROM changed`;
  });
  if (!writtenByWork) {
    await preparedQuery(
      manager,
      `INSERT INTO capacity_reservations (${RESERVATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'held')`,
      [reservation.requestId, reservation.dataCentreCode, reservation.tenantId, vcpu, memoryGib, storageGib, publicIps, vms],
    );
  }
  // One statement, one round trip less with the tenant's row locked. The data centre is updated
  // only once the tenant is (its EXISTS is a one-time filter, run first), so the tenant's row is
  // still locked first, and not at all when the quota refuses.
  const {
    rows: [outcome],
  } = await preparedQuery<{ quota_held: boolean; room_held: boolean }>(
    manager,
    `WITH quota AS (
       UPDATE tenants SET
         used_vcpu = used_vcpu + $2, used_memory_gib = used_memory_gib + $3, used_storage_gib = used_storage_gib + $4,
         used_vms = used_vms + $5
       WHERE id = $1 AND status = 'active'
         AND used_vcpu + $2 <= quota_vcpu AND used_memory_gib + $3 <= quota_memory_gib
         AND used_storage_gib + $4 <= quota_storage_gib AND used_vms + $5 <= quota_vms
       RETURNING 1
     ), room AS (
       UPDATE data_centres SET
         used_vcpu = used_vcpu + $2, used_memory_gib = used_memory_gib + $3,
         used_storage_gib = used_storage_gib + $4, used_public_ips = used_public_ips + $7, updated_at = now()
       WHERE code = $6 AND ${TAKES_WORK} AND EXISTS (SELECT 1 FROM quota)
         AND used_vcpu + $2 <= capacity_vcpu AND used_memory_gib + $3 <= capacity_memory_gib
         AND used_storage_gib + $4 <= capacity_storage_gib AND used_public_ips + $7 <= capacity_public_ips
       RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM quota) AS quota_held, EXISTS (SELECT 1 FROM room) AS room_held`,
    [reservation.tenantId, vcpu, memoryGib, storageGib, vms, reservation.dataCentreCode, publicIps],
  );
  if (outcome.room_held) return { held: true, value };
  await manager.query('ROLLBACK TO SAVEPOINT hold_capacity');
  return { held: false, reason: outcome.quota_held ? 'no-room' : 'over-quota' };
}

/** Gives a released reservation's share of the quota back. */
async function releaseQuota(manager: EntityManager, tenantId: string, demand: QuotaDemand): Promise<void> {
  await manager.query(
    `UPDATE tenants SET used_vcpu = used_vcpu - $2, used_memory_gib = used_memory_gib - $3,
       used_storage_gib = used_storage_gib - $4, used_vms = used_vms - $5 WHERE id = $1`,
    [tenantId, demand.vcpu, demand.memoryGib, demand.storageGib, demand.vms],
  );
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
