import type { EntityManager } from 'typeorm';
import { ConcurrentUpdateError } from '#libs/core/src/domain/domain-error.js';
import { type PlainChange, recordChange, recordChanges } from '../../persistence/request-journal.js';

interface Waiting extends PlainChange {
  resolve(version: number): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the executor's plain changes: the jobs of this process that commit in the same
 * turn of the event loop (their partner answers came in together) share one statement, flushed
 * when the turn ends. Each job still gets its own outcome: its new version, or
 * ConcurrentUpdateError when its request had moved on. Should the shared statement fail, each
 * change is tried alone, so one bad change fails only its own job.
 */
export class CommitBatcher {
  private waiting: Waiting[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly writes = { one: recordChange, many: recordChanges },
    private readonly maxBatch = 64,
  ) {}

  record(request: PlainChange['request'], change: PlainChange['change']): Promise<number> {
    // A second change to a request already waiting (a duplicate job) goes alone; the row decides between them.
    if (this.waiting.some((other) => other.request.id === request.id)) return this.writes.one(this.manager, request, change);
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ request, change, resolve, reject });
      if (this.waiting.length >= this.maxBatch) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    if (batch.length === 1) return this.alone(batch[0]);
    let changed: Set<string>;
    try {
      changed = await this.writes.many(this.manager, batch);
    } catch {
      await Promise.all(batch.map((waiting) => this.alone(waiting)));
      return;
    }
    for (const { request, resolve, reject } of batch) {
      if (changed.has(request.id)) resolve(request.version + 1);
      else reject(new ConcurrentUpdateError('provisioning request', request.id));
    }
  }

  private async alone({ request, change, resolve, reject }: Waiting): Promise<void> {
    try {
      resolve(await this.writes.one(this.manager, request, change));
    } catch (error) {
      reject(error);
    }
  }
}
