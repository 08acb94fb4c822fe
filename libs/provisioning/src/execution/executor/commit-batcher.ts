import type { EntityManager } from 'typeorm';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import { TurnBatcher } from '#libs/persistence/src/turn-batcher.js';
import { type PlainChange, recordChange, recordChanges } from '../../persistence/request-journal.js';

/**
 * Group commit for the executor's plain changes (TurnBatcher): the jobs of this process that
 * commit in the same turn (their partner answers came in together) share one statement. Each job
 * still gets its own outcome: its new version, or ConcurrentUpdateError when its request had
 * moved on. Two changes to one request (a duplicate job) never share a statement.
 */
export class CommitBatcher {
  private readonly batcher: TurnBatcher<PlainChange, number>;

  constructor(manager: EntityManager, writes = { one: recordChange, many: recordChanges }, maxBatch = 64) {
    this.batcher = new TurnBatcher<PlainChange, number>(
      {
        many: async (changes) => {
          const changed = await writes.many(manager, changes);
          // A request that moved on: its job lost the race, which `record` reports as recordChange would.
          return changes.map(({ request }) => (changed.has(request.id) ? request.version + 1 : LOST));
        },
        one: ({ request, change }) => writes.one(manager, request, change),
      },
      { keysOf: ({ request }) => [request.id], maxBatch },
    );
  }

  async record(request: PlainChange['request'], change: PlainChange['change']): Promise<number> {
    const version = await this.batcher.add({ request, change });
    if (version === LOST) throw new ConcurrentUpdateError('provisioning request', request.id);
    return version;
  }
}

const LOST = -1;
