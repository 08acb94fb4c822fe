import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '#libs/persistence/src/prepared-query.js';
import { type AuditEvent, AuditLog } from './audit-event.js';

/** Rows written together at the most: one statement's worth of JSON stays small. */
const MAX_ROWS_PER_WRITE = 200;

const COLUMNS = 'key_id, role, scope, action, method, target, status, outcome, detail';

const valuesOf = (e: AuditEvent): unknown[] => [e.keyId, e.role, e.scope, e.action, e.method, e.target, e.status, e.outcome, e.detail];

interface Pending {
  event: AuditEvent;
  settle(error?: unknown): void;
}

/**
 * Appends the trail's rows with one prepared statement per write, and groups the rows of calls
 * answered while a write is under way into the next one: under load, one round trip and one
 * commit for many calls instead of one each. Each row's promise still settles with its own row.
 */
@Injectable()
export class TypeOrmAuditLog extends AuditLog {
  private readonly waiting: Pending[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  record(event: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, settle: (error?: unknown) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.write(this.waiting.splice(0, MAX_ROWS_PER_WRITE));
    } finally {
      this.writing = false;
    }
  }

  private async write(rows: Pending[]): Promise<void> {
    if (rows.length > 1) {
      try {
        await this.insertMany(rows.map((row) => row.event));
        for (const row of rows) row.settle();
        return;
      } catch {
        // One row the database refuses must not cost the others theirs: each alone, as before grouping.
      }
    }
    for (const row of rows) {
      try {
        await this.insertOne(row.event);
        row.settle();
      } catch (error) {
        row.settle(error);
      }
    }
  }

  private async insertOne(event: AuditEvent): Promise<void> {
    await preparedQuery(this.dataSource.manager, `INSERT INTO audit_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, valuesOf(event));
  }

  /** In the order given, so ids follow the order the responses were sent. */
  private async insertMany(events: AuditEvent[]): Promise<void> {
    await preparedQuery(
      this.dataSource.manager,
      `INSERT INTO audit_events (${COLUMNS})
       SELECT e.v->>0, e.v->>1, e.v->>2, e.v->>3, e.v->>4, e.v->>5, (e.v->>6)::int, e.v->>7, e.v->>8
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n) ORDER BY e.n`,
      [JSON.stringify(events.map(valuesOf))],
    );
  }
}
