import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import type { PlainChange } from '../../persistence/request-journal.js';
import { CommitBatcher } from './commit-batcher.js';

const manager = {} as EntityManager;
const request = (id: string, version = 1): PlainChange['request'] => ({ id, status: 'PROVISIONING', version });
const change: PlainChange['change'] = { columns: {}, events: [], next: { delayMs: 0 }, steps: [] };

/** Fake writes that note every call; `lost` requests have moved on, `broken` ones make any statement fail. */
function writes(options: { lost?: string[]; broken?: string[] } = {}) {
  const calls: string[][] = [];
  const fail = (ids: string[]) => {
    if (ids.some((id) => options.broken?.includes(id))) throw new Error('constraint violated');
  };
  return {
    calls,
    one: async (_m: EntityManager, r: PlainChange['request']) => {
      calls.push([r.id]);
      fail([r.id]);
      if (options.lost?.includes(r.id)) throw new ConcurrentUpdateError('provisioning request', r.id);
      return r.version + 1;
    },
    many: async (_m: EntityManager, changes: PlainChange[]) => {
      const ids = changes.map((c) => c.request.id);
      calls.push(ids);
      fail(ids);
      return new Set(ids.filter((id) => !options.lost?.includes(id)));
    },
  };
}

describe('CommitBatcher', () => {
  it('commits the changes of one turn in one statement, each with its own new version', async () => {
    const fake = writes();
    const batcher = new CommitBatcher(manager, fake);
    const versions = await Promise.all([batcher.record(request('a', 1), change), batcher.record(request('b', 5), change), batcher.record(request('c', 2), change)]);
    expect(versions).toEqual([2, 6, 3]);
    expect(fake.calls).toEqual([['a', 'b', 'c']]);
  });

  it('answers a change whose request moved on with ConcurrentUpdateError, and the others with their versions', async () => {
    const fake = writes({ lost: ['b'] });
    const batcher = new CommitBatcher(manager, fake);
    const outcomes = await Promise.allSettled([batcher.record(request('a'), change), batcher.record(request('b'), change)]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 2 });
    expect(outcomes[1].status).toBe('rejected');
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrentUpdateError);
  });

  it('commits a lone change alone, and a second change to a waiting request in a later statement', async () => {
    const fake = writes();
    const batcher = new CommitBatcher(manager, fake);
    await batcher.record(request('a'), change);
    await Promise.all([batcher.record(request('b'), change), batcher.record(request('b'), change), batcher.record(request('c'), change)]);
    expect(fake.calls).toEqual([['a'], ['b', 'c'], ['b']]);
  });

  it('tries each change alone when the shared statement fails, so only the bad one fails', async () => {
    const fake = writes({ broken: ['b'] });
    const batcher = new CommitBatcher(manager, fake);
    const outcomes = await Promise.allSettled([batcher.record(request('a'), change), batcher.record(request('b'), change), batcher.record(request('c'), change)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('constraint violated'));
    expect(fake.calls).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c']]);
  });

  it('flushes at once when a batch is full', async () => {
    const fake = writes();
    const batcher = new CommitBatcher(manager, fake, 2);
    await Promise.all(['a', 'b', 'c'].map((id) => batcher.record(request(id), change)));
    expect(fake.calls).toEqual([['a', 'b'], ['c']]);
  });
});
