import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { OperationRecord } from '../domain/partner-sim.ports.js';
import { RecordBatcher } from './typeorm-operation-ledger.js';

/** A manager whose connection records each statement's operation ids and answers with a row for each. */
function fakeManager(fails: (ids: string[]) => boolean = () => false) {
  const statements: string[][] = [];
  const client = {
    query: async ({ values }: { values: unknown[][] }) => {
      const ids = values[0] as string[];
      statements.push(ids);
      if (fails(ids)) throw new Error('refused');
      return { rows: ids.map((id) => ({ id })), rowCount: ids.length };
    },
  };
  const runner = { connect: async () => client, release: async () => undefined };
  const manager = { queryRunner: undefined, connection: { createQueryRunner: () => runner } } as unknown as EntityManager;
  return { manager, statements };
}

const record = (id: string, key = `key-${id}`, resourceId = `res-${id}`): { entry: OperationRecord; faultGated: boolean; expected: null } => ({
  entry: {
    operation: { id, partner: 'p', action: 'create', resourceId, resourceType: 'org', idempotencyKey: key, fingerprint: 'f', plannedError: null },
    status: 'succeeded',
    latencyMs: 0,
    resource: null,
  },
  faultGated: true,
  expected: null,
});

describe('RecordBatcher', () => {
  it('records the calls of one turn in one statement, each getting its own row', async () => {
    const { manager, statements } = fakeManager();
    const batcher = new RecordBatcher(manager);
    const rows = await Promise.all(['a', 'b', 'c'].map((id) => batcher.record(record(id))));
    expect(rows.map((row) => row?.id)).toEqual(['a', 'b', 'c']);
    expect(statements).toEqual([['a', 'b', 'c']]);
  });

  it('leaves a second call with the same key or resource to a statement of its own', async () => {
    const { manager, statements } = fakeManager();
    const batcher = new RecordBatcher(manager);
    await Promise.all([batcher.record(record('a', 'k')), batcher.record(record('b', 'k')), batcher.record(record('c', 'other', 'res-a'))]);
    expect(statements).toEqual([['a'], ['b', 'c']]);
  });

  it('holds at most 64 records a statement', async () => {
    const { manager, statements } = fakeManager();
    const batcher = new RecordBatcher(manager);
    await Promise.all(Array.from({ length: 70 }, (_, i) => batcher.record(record(`op-${i}`))));
    expect(statements.map((ids) => ids.length)).toEqual([64, 6]);
  });

  it('tries each record alone when their shared statement fails: only the failing call fails', async () => {
    const { manager, statements } = fakeManager((ids) => ids.includes('bad'));
    const batcher = new RecordBatcher(manager);
    const [good, bad] = await Promise.allSettled([batcher.record(record('good')), batcher.record(record('bad'))]);
    expect(good).toEqual({ status: 'fulfilled', value: { id: 'good' } });
    expect(bad).toMatchObject({ status: 'rejected' });
    expect(statements).toEqual([['good', 'bad'], ['good'], ['bad']]);
  });
});
