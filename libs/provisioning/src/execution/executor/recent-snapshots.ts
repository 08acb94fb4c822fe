import type { RequestSnapshot, Transition } from './request-snapshot.js';

/**
 * The requests this process moved last, each as it stands after its own commit. A job scheduled
 * at that version finds the request here instead of reading it back: the commit was guarded by
 * version, so at that version the snapshot is exactly what the database holds. Any other change
 * (a cancel, another worker's step) bumps the version, and the job then reads the database. A job
 * served from here that turns out stale still makes only its idempotent partner call, then loses
 * the compare-and-set, as a late duplicate job always could.
 */
export class RecentSnapshots {
  private readonly snapshots = new Map<string, RequestSnapshot>();

  constructor(private readonly capacity = 10_000) {}

  /** The snapshot at `version`, if this process committed it and nothing here replaced it. */
  at(requestId: string, version: number): RequestSnapshot | null {
    const snapshot = this.snapshots.get(requestId);
    return snapshot?.version === version ? snapshot : null;
  }

  remember(snapshot: RequestSnapshot): void {
    // Re-inserted at the end: the Map's order is the eviction order, oldest first.
    this.snapshots.delete(snapshot.id);
    this.snapshots.set(snapshot.id, snapshot);
    if (this.snapshots.size > this.capacity) this.snapshots.delete(this.snapshots.keys().next().value!);
  }

  forget(requestId: string): void {
    this.snapshots.delete(requestId);
  }

  get size(): number {
    return this.snapshots.size;
  }
}

/** The request as a committed transition left it, at `version`: what a fresh read would return. */
export function afterTransition(request: RequestSnapshot, transition: Transition, version: number): RequestSnapshot {
  const changed = new Map(transition.steps.map((step) => [step.position, step]));
  const cancelRequested = transition.columns?.cancel_requested;
  return {
    ...request,
    status: transition.status ?? request.status,
    version,
    cancelRequested: typeof cancelRequested === 'boolean' ? cancelRequested : request.cancelRequested,
    steps: request.steps.map((step) => changed.get(step.position) ?? step),
  };
}
