/**
 * How long to wait before the next try or the next poll. Pure, so the rules are unit-tested:
 * retries back off exponentially with full jitter (never all at once after a partner outage) and
 * never sooner than the partner asked; polls wait longer the older the operation is.
 */

export interface RetryRules {
  retryBaseMs: number;
  /** The longest retry delay, whatever the attempt. */
  retryMaxMs: number;
}

/** Delay before attempt `attempt + 1`, after `attempt` (1-based) failed transiently. */
export function retryDelayMs(rules: RetryRules, attempt: number, retryAfterMs: number | null, random: () => number = Math.random): number {
  const ceiling = Math.min(rules.retryMaxMs, rules.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}

export interface PollRules {
  pollBaseMs: number;
  pollMaxMs: number;
}

/**
 * Delay before polling an operation that has been running for `ageMs`: half its age, between
 * the base and the cap. Waiting in proportion to age grows the gaps geometrically (×1.5 per
 * poll) without having to count polls anywhere.
 */
export function pollDelayMs(rules: PollRules, ageMs: number): number {
  return Math.round(Math.min(rules.pollMaxMs, Math.max(rules.pollBaseMs, ageMs / 2)));
}
