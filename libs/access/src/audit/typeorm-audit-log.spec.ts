import { describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { AuditEvent } from './audit-event.js';
import { TypeOrmAuditLog } from './typeorm-audit-log.js';

const event = (target: string): AuditEvent => ({
  keyId: 'k1',
  role: 'platform-operator',
  scope: 'platform',
  action: 'submit-provisioning-request',
  method: 'POST',
  target,
  status: 202,
  outcome: 'succeeded',
  detail: null,
});

/** A database that answers each statement when the test lets it, and refuses any row whose target is `bad`. */
function fakeDatabase() {
  const statements: { rows: string[] }[] = [];
  const gates: (() => void)[] = [];
  const client = {
    query: async ({ values }: { name: string; text: string; values: unknown[] }) => {
      const rows = values.length === 1 ? (JSON.parse(values[0] as string) as unknown[][]).map((v) => v[5] as string) : [values[5] as string];
      await new Promise<void>((resolve) => gates.push(resolve));
      if (rows.includes('bad')) throw new Error('refused');
      statements.push({ rows });
      return { rows: [], rowCount: rows.length };
    },
  };
  const runner = { connect: async () => client, release: async () => {} };
  const dataSource = { manager: { queryRunner: undefined, connection: { createQueryRunner: () => runner } } } as unknown as DataSource;
  /** Lets every statement sent so far answer, until none is waiting. */
  const answerAll = async () => {
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.splice(0).forEach((open) => open());
    }
  };
  return { dataSource, statements, answerAll };
}

describe('TypeOrmAuditLog', () => {
  it('writes the rows of calls answered while a write is under way together, in order, in the next write', async () => {
    const db = fakeDatabase();
    const log = new TypeOrmAuditLog(db.dataSource);
    const written = [log.record(event('/v1/a')), log.record(event('/v1/b')), log.record(event('/v1/c'))];
    await db.answerAll();
    await Promise.all(written);
    expect(db.statements).toEqual([{ rows: ['/v1/a'] }, { rows: ['/v1/b', '/v1/c'] }]);
  });

  it('a row the database refuses fails alone: the others of its write are still written', async () => {
    const db = fakeDatabase();
    const log = new TypeOrmAuditLog(db.dataSource);
    const first = log.record(event('/v1/a'));
    const good = log.record(event('/v1/b'));
    const bad = log.record(event('bad')).then(() => null, (error: Error) => error.message);
    await db.answerAll();
    await first;
    await good;
    expect(await bad).toBe('refused');
    expect(db.statements).toEqual([{ rows: ['/v1/a'] }, { rows: ['/v1/b'] }]);
  });
});
