interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit within one process: the writes asked for in the same turn of the event loop share
 * one statement, flushed when the turn ends. Each statement is a socket write that wakes a
 * PostgreSQL backend, which on a small machine costs more than the write's own work. Items whose
 * keys meet (two writes to one row) wait for a later turn; so do those past `maxBatch`. A lone
 * item, and every item of a shared write that failed, is written alone, so only a bad item fails.
 */
export class TurnBatcher<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private scheduled = false;

  constructor(
    private readonly writes: {
      /** One statement for them all; a result per item, in order. */
      many(items: T[]): Promise<R[]>;
      one(item: T): Promise<R>;
    },
    private readonly options: { keysOf(item: T): string[]; maxBatch: number },
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch: Waiting<T, R>[] = [];
    const later: Waiting<T, R>[] = [];
    const taken = new Set<string>();
    for (const waiting of this.waiting) {
      const keys = this.options.keysOf(waiting.item);
      if (batch.length === this.options.maxBatch || keys.some((key) => taken.has(key))) {
        later.push(waiting);
        continue;
      }
      batch.push(waiting);
      for (const key of keys) taken.add(key);
    }
    this.waiting = later;
    if (later.length > 0) this.schedule();
    void this.run(batch);
  }

  private async run(batch: Waiting<T, R>[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]);
    let results: R[];
    try {
      results = await this.writes.many(batch.map((waiting) => waiting.item));
    } catch {
      await Promise.all(batch.map((waiting) => this.alone(waiting)));
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  private async alone({ item, resolve, reject }: Waiting<T, R>): Promise<void> {
    try {
      resolve(await this.writes.one(item));
    } catch (error) {
      reject(error);
    }
  }
}
