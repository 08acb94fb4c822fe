/** How a partner backend behaves: how long its operations take and how often it fails. */
export interface SimulationProfile {
  /** Mean time from starting an operation to its completion. */
  latencyMs: number;
  /** Each operation's latency is drawn uniformly from latency ± jitter (never below zero). */
  jitterMs: number;
  /** Probability that a call is answered 503 or 429 without doing anything. */
  transientFailureRate: number;
  /** Probability that a new operation fails for good when it completes. */
  permanentFailureRate: number;
  /**
   * Null: draws come from Math.random. Otherwise each of the partner's draws is a function of the
   * seed, the call's identity and how many calls with that identity came before (call-identity.ts).
   */
  seed: number | null;
}

/** A partner nobody configured: instant and reliable. */
export const DEFAULT_PROFILE: SimulationProfile = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  transientFailureRate: 0,
  permanentFailureRate: 0,
  seed: null,
});

export const MAX_LATENCY_MS = 600_000;

/** The largest seed: whole numbers up to it survive JSON and a bigint column exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;
