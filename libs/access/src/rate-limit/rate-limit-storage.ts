/** How many calls a tracker has made in the current window, and when the window ends. */
export interface WindowCount {
  hits: number;
  msUntilReset: number;
}

/**
 * Fixed-window counters shared by every API process. A port, so the guard can be tested without
 * Redis and another store (or @nestjs/throttler, once it loads under jest) can stand in.
 */
export abstract class RateLimitStorage {
  /** Counts one call for `key`; the first call of a window starts it, `windowMs` long. */
  abstract increment(key: string, windowMs: number): Promise<WindowCount>;
}
