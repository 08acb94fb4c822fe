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
}

/** A partner nobody configured: instant and reliable. */
export const DEFAULT_PROFILE: SimulationProfile = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  transientFailureRate: 0,
  permanentFailureRate: 0,
});

export const MAX_LATENCY_MS = 600_000;
