import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { TurnBatcher } from '#libs/persistence/src/turn-batcher.js';
import type { Fault } from '../domain/fault.js';
import { completeOperation, type SimOperation } from '../domain/operation.js';
import { type LedgerTransaction, OperationLedger, type OperationRecord, type ResourceFilter } from '../domain/partner-sim.ports.js';
import type { SimResource } from '../domain/resource.js';
import type { OperationAction, ResourceType } from '../domain/vocabulary.js';
import { PARTNER_SIM_DATA_SOURCE } from './partner-sim-data-source.js';
import type { FaultRow, OperationRow, ResourceRow } from './partner-sim.entities.js';
import { faultMapper, operationMapper, resourceMapper } from './partner-sim.mappers.js';

// Plain SQL on the hot paths (every partner call goes through here), aliased to the entities'
// property names so the mappers serve both. Every time stamp is the database's: several
// simulator processes then agree on what is due.

const RESOURCE = `id, partner, type, labels, spec, state, power, created_at AS "createdAt", deleted_at AS "deletedAt"`;
const OPERATION = `id, partner, action, resource_id AS "resourceId", resource_type AS "resourceType",
  idempotency_key AS "idempotencyKey", fingerprint, status, error_code AS "errorCode", error_message AS "errorMessage",
  error_permanent AS "errorPermanent", completes_at AS "completesAt", completed_at AS "completedAt", created_at AS "createdAt"`;
const FAULT = `id, partner, action, resource_type AS "resourceType", kind, count, remaining, http_status AS "httpStatus",
  retry_after_seconds AS "retryAfterSeconds", created_at AS "createdAt"`;

/** For `SET state = <state>`: a deleted resource keeps the moment it went; any other state has none. */
const DELETED_AT = (state: string, at: string) => `CASE WHEN ${state}::text = 'deleted' THEN coalesce(deleted_at, ${at}) END`;

/**
 * Completes the due operations of one resource, oldest first. The resource row's lock is the
 * resource's mutex: every writer of its operations takes it first, so no two calls complete the
 * same operation and effects land in order. Returns the resource as it now is (null: no such row,
 * or, with skipLocked, another call is settling it).
 */
async function settle(manager: EntityManager, resourceId: string, skipLocked = false): Promise<SimResource | null> {
  const [row] = await manager.query<ResourceRow[]>(
    `SELECT ${RESOURCE} FROM partner_sim.resources WHERE id = $1 FOR UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
    [resourceId],
  );
  if (!row) return null;
  const running = await manager.query<(OperationRow & { due: boolean })[]>(
    `SELECT ${OPERATION}, completes_at <= now() AS due FROM partner_sim.operations
     WHERE resource_id = $1 AND status = 'running' ORDER BY completes_at, created_at, id`,
    [resourceId],
  );
  const due = running.filter((operation) => operation.due);
  if (due.length === 0) return resourceMapper.toDomain(row);
  const createPending = running.some((operation) => !operation.due && operation.action === 'create');
  let resource = resourceMapper.toDomain(row);
  for (const operation of due) {
    const done = completeOperation(operationMapper.toDomain(operation), resource, { createPending });
    await manager.query(`UPDATE partner_sim.operations SET status = $2, completed_at = completes_at WHERE id = $1`, [
      operation.id,
      done.status,
    ]);
    // Gone at the moment its operation completed, not when someone happened to look.
    const [[updated]] = await manager.query<[ResourceRow[], number]>(
      `UPDATE partner_sim.resources SET state = $2::text, power = $3, deleted_at = ${DELETED_AT('$2', '$4::timestamptz')}
       WHERE id = $1 RETURNING ${RESOURCE}`,
      [resourceId, done.resource.state, done.resource.power, operation.completesAt],
    );
    resource = resourceMapper.toDomain(updated);
  }
  return resource;
}

class TypeOrmLedgerTransaction implements LedgerTransaction {
  constructor(private readonly manager: EntityManager) {}

  async operationByKey(partner: string, idempotencyKey: string): Promise<SimOperation | null> {
    const [row] = await this.manager.query<OperationRow[]>(
      `SELECT ${OPERATION} FROM partner_sim.operations WHERE partner = $1 AND idempotency_key = $2`,
      [partner, idempotencyKey],
    );
    return row ? operationMapper.toDomain(row) : null;
  }

  async lockResource(partner: string, id: string): Promise<SimResource | null> {
    const resource = await settle(this.manager, id);
    return resource && resource.partner === partner ? resource : null;
  }

  async takeFault(partner: string, action: OperationAction, type: ResourceType): Promise<Fault | null> {
    // Oldest first; the row lock makes two concurrent calls take two calls' worth of a fault.
    const [rows] = await this.manager.query<[FaultRow[], number]>(
      `UPDATE partner_sim.faults SET remaining = remaining - 1
       WHERE id = (SELECT id FROM partner_sim.faults
                   WHERE partner = $1 AND action = $2 AND (resource_type IS NULL OR resource_type = $3) AND remaining > 0
                   ORDER BY id LIMIT 1 FOR UPDATE)
       RETURNING ${FAULT}`,
      [partner, action, type],
    );
    return rows[0] ? faultMapper.toDomain(rows[0]) : null;
  }

  async settleResource(resourceId: string): Promise<void> {
    await settle(this.manager, resourceId);
  }

  async operation(id: string): Promise<SimOperation> {
    const [row] = await this.manager.query<OperationRow[]>(`SELECT ${OPERATION} FROM partner_sim.operations WHERE id = $1`, [id]);
    if (!row) throw new Error(`No operation ${id}.`);
    return operationMapper.toDomain(row);
  }

  /**
   * A call that lost the race for its key to a concurrent one writes nothing (see insertOperations),
   * and throws KeyTakenMeanwhile so that withIdempotencyKey rolls it back and replays the winner's
   * operation.
   */
  async record(entry: OperationRecord): Promise<SimOperation> {
    const row = (await insertOperations(this.manager, [{ entry, faultGated: false, expected: null }])).get(entry.operation.id);
    if (!row) throw new KeyTakenMeanwhile();
    return operationMapper.toDomain(row);
  }
}

/** What an operation record is held to as it goes in (see insertOperations). */
export interface Gated {
  entry: OperationRecord;
  /** Whether a fault scheduled for the call keeps it out. */
  faultGated: boolean;
  /** The existing resource must be locked in this condition with nothing running on it. */
  expected: Pick<SimResource, 'state' | 'power'> | null;
}

/**
 * One statement for any number of records, each as one row of arrays: its operation first, ON
 * CONFLICT on its key DO NOTHING, then its resource only if the operation went in. A record that
 * is fault-gated does not go in while a fault is scheduled for its call; one with `expected` does
 * not unless the existing resource, locked, is as expected with nothing running. Returns the
 * operations that went in, by id.
 */
async function insertOperations(manager: EntityManager, records: readonly Gated[]): Promise<Map<string, OperationRow>> {
  const columns: unknown[][] = Array.from({ length: 22 }, () => []);
  for (const { entry, faultGated, expected } of records) {
    const { operation, status, latencyMs, resource } = entry;
    if (!Number.isInteger(latencyMs) || latencyMs < 0) throw new Error(`Invalid latency ${latencyMs} ms.`);
    const error = operation.plannedError;
    const value = resource?.value;
    [
      operation.id,
      operation.partner,
      operation.action,
      operation.resourceId,
      operation.resourceType,
      operation.idempotencyKey,
      operation.fingerprint,
      status,
      error?.code ?? null,
      error?.message ?? null,
      error?.permanent ?? null,
      latencyMs,
      resource ? (resource.isNew ? 'insert' : 'update') : null,
      value?.id ?? null,
      value?.type ?? null,
      value ? JSON.stringify(value.labels) : null,
      value ? JSON.stringify(value.spec) : null,
      value?.state ?? null,
      value?.power ?? null,
      faultGated,
      expected?.state ?? null,
      expected?.power ?? null,
    ].forEach((item, column) => columns[column].push(item));
  }
  const { rows } = await preparedQuery<OperationRow>(
    manager,
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::boolean[], $12::double precision[], $13::text[], $14::text[], $15::text[], $16::text[],
         $17::text[], $18::text[], $19::text[], $20::boolean[], $21::text[], $22::text[])
       AS i(id, partner, action, resource_id, resource_type, idempotency_key, fingerprint, status, error_code, error_message,
         error_permanent, latency_ms, resource_write, value_id, value_type, labels, spec, value_state, value_power, fault_gated,
         expected_state, expected_power)
     ), locked AS (
       -- Resource by resource, in id order: two statements locking the same resources cannot deadlock.
       -- Each is looked up by its key (a lateral subquery with FOR UPDATE is never turned into a
       -- join): as a join, a plan made while the table was small scanned all of it, every call.
       SELECT r.id FROM (SELECT * FROM input WHERE expected_state IS NOT NULL ORDER BY resource_id) i
       CROSS JOIN LATERAL (
         SELECT r.id FROM partner_sim.resources r
         WHERE r.id = i.resource_id AND r.partner = i.partner AND r.state = i.expected_state AND r.power IS NOT DISTINCT FROM i.expected_power
           AND NOT EXISTS (SELECT 1 FROM partner_sim.operations o WHERE o.resource_id = i.resource_id AND o.status = 'running')
         FOR UPDATE OF r
       ) r
     ), op AS (
       INSERT INTO partner_sim.operations (id, partner, action, resource_id, resource_type, idempotency_key, fingerprint,
         status, error_code, error_message, error_permanent, completes_at, completed_at)
       SELECT i.id, i.partner, i.action, i.resource_id, i.resource_type, i.idempotency_key, i.fingerprint, i.status, i.error_code,
         i.error_message, i.error_permanent, now() + make_interval(secs => i.latency_ms / 1000),
         CASE WHEN i.status = 'running' THEN NULL ELSE now() END
       FROM input i
       WHERE NOT (i.fault_gated AND EXISTS (SELECT 1 FROM partner_sim.faults f WHERE f.partner = i.partner AND f.action = i.action
         AND (f.resource_type IS NULL OR f.resource_type = i.resource_type) AND f.remaining > 0))
         AND (i.expected_state IS NULL OR EXISTS (SELECT 1 FROM locked l WHERE l.id = i.resource_id))
       ON CONFLICT (partner, idempotency_key) DO NOTHING
       RETURNING ${OPERATION}
     ), inserted AS (
       INSERT INTO partner_sim.resources (id, partner, type, labels, spec, state, power, deleted_at)
       SELECT i.value_id, i.partner, i.value_type, i.labels::jsonb, i.spec::jsonb, i.value_state, i.value_power,
         CASE WHEN i.value_state = 'deleted' THEN now() END
       FROM input i JOIN op ON op.id = i.id WHERE i.resource_write = 'insert'
     ), updated AS (
       UPDATE partner_sim.resources SET state = i.value_state, power = i.value_power, deleted_at = ${DELETED_AT('i.value_state', 'now()')}
       FROM input i JOIN op ON op.id = i.id WHERE partner_sim.resources.id = i.value_id AND i.resource_write = 'update'
     )
     SELECT * FROM op`,
    columns,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Records per statement at the most: a bound on its size and on the rows it locks. */
const MAX_BATCH = 64;

/**
 * Calls that record at once in the same turn of the event loop share one statement (TurnBatcher),
 * when no two of them touch the same key or resource (those wait for the next turn). If the shared
 * statement fails, each record is tried alone, so every call gets its own answer.
 */
export class RecordBatcher {
  private readonly batcher: TurnBatcher<Gated, OperationRow | undefined>;

  constructor(manager: EntityManager) {
    const many = async (records: Gated[]) => {
      const rows = await insertOperations(manager, records);
      return records.map((record) => rows.get(record.entry.operation.id));
    };
    this.batcher = new TurnBatcher(
      { many, one: async (record) => (await many([record]))[0] },
      {
        keysOf: ({ entry: { operation } }) => [`${operation.partner}/${operation.idempotencyKey}`, operation.resourceId],
        maxBatch: MAX_BATCH,
      },
    );
  }

  record(record: Gated): Promise<OperationRow | undefined> {
    return this.batcher.add(record);
  }
}

/** Another call with the same key recorded its operation first (see record). */
class KeyTakenMeanwhile extends Error {}

@Injectable()
export class TypeOrmOperationLedger extends OperationLedger {
  private readonly atOnce: RecordBatcher;

  constructor(@InjectDataSource(PARTNER_SIM_DATA_SOURCE) private readonly dataSource: DataSource) {
    super();
    this.atOnce = new RecordBatcher(dataSource.manager);
  }

  /**
   * Optimistic: calls with one key do not queue. Two that race both run `work`; the operation's
   * unique key lets one record, and the other (KeyTakenMeanwhile) is rolled back, faults it took
   * included, and runs again: it then finds the first one's operation and replays it. An
   * advisory lock would cost every call a round trip to serialise what almost never collides.
   */
  async withIdempotencyKey<T>(_partner: string, _idempotencyKey: string, work: (tx: LedgerTransaction) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction((manager) => work(new TypeOrmLedgerTransaction(manager)));
    } catch (error) {
      if (!(error instanceof KeyTakenMeanwhile)) throw error;
      return this.dataSource.transaction((manager) => work(new TypeOrmLedgerTransaction(manager)));
    }
  }

  async recordAtOnce(entry: OperationRecord, expected: Pick<SimResource, 'state' | 'power'> | null): Promise<SimOperation | null> {
    const row = await this.atOnce.record({ entry, faultGated: true, expected });
    return row ? operationMapper.toDomain(row) : null;
  }

  async findOperation(partner: string, id: string): Promise<SimOperation | null> {
    const [row] = await this.dataSource.query<(OperationRow & { due: boolean })[]>(
      `SELECT ${OPERATION}, completes_at <= now() AS due FROM partner_sim.operations WHERE id = $1 AND partner = $2`,
      [id, partner],
    );
    if (!row) return null;
    if (row.status !== 'running' || !row.due) return operationMapper.toDomain(row);
    return this.dataSource.transaction(async (manager) => {
      await settle(manager, row.resourceId);
      return new TypeOrmLedgerTransaction(manager).operation(id);
    });
  }

  async settleDue(partner: string): Promise<void> {
    const due = await this.dataSource.query<{ resourceId: string }[]>(
      `SELECT DISTINCT resource_id AS "resourceId" FROM partner_sim.operations
       WHERE partner = $1 AND status = 'running' AND completes_at <= now()`,
      [partner],
    );
    for (const { resourceId } of due) {
      // One short transaction per resource; one being settled by another call is left to it.
      await this.dataSource.transaction((manager) => settle(manager, resourceId, true));
    }
  }

  /**
   * One statement in the common case: the listing, with whether any operation of the partner is
   * due. Only when one is are they settled and the listing read again.
   */
  async listResources(partner: string, filter: ResourceFilter): Promise<SimResource[]> {
    const { text, values } = resourceListing(partner, filter);
    const list = async () => (await preparedQuery<ResourceRow & { due: boolean }>(this.dataSource.manager, text, values)).rows;
    let rows = await list();
    if (rows[0].due) {
      await this.settleDue(partner);
      rows = await list();
    }
    // A listing of nothing is the one row of `d`, with no resource.
    return rows.filter((row) => row.id !== null).map(resourceMapper.toDomain);
  }
}

/**
 * The listing statement of listResources. The SQL names only the filters given, so each
 * combination is a statement of its own, planned with its index.
 */
export function resourceListing(partner: string, filter: ResourceFilter): { text: string; values: unknown[] } {
  const values: unknown[] = [partner];
  const bind = (value: unknown): string => `$${values.push(value)}`;
  const where = ['partner = $1'];
  if (filter.request !== undefined) where.push(`labels ->> 'request' = ${bind(filter.request)}`);
  if (filter.tenant !== undefined) where.push(`labels ->> 'tenant' = ${bind(filter.tenant)}`);
  if (filter.type !== undefined) where.push(`type = ${bind(filter.type)}`);
  if (filter.state === undefined) where.push(`state <> 'deleted'`);
  else if (filter.state !== 'all') where.push(`state = ${bind(filter.state)}`);
  const text = `SELECT d.due, r.* FROM
       (SELECT EXISTS (SELECT 1 FROM partner_sim.operations
                       WHERE partner = $1 AND status = 'running' AND completes_at <= now()) AS due) d
     LEFT JOIN LATERAL (SELECT ${RESOURCE} FROM partner_sim.resources WHERE ${where.join(' AND ')}) r ON true
     ORDER BY r."createdAt", r.id`;
  return { text, values };
}
