import type { Fault } from './fault.js';
import type { SimulationProfile } from './profile.js';
import type { OutageStatus } from './vocabulary.js';

/** A number in [0, 1); injected so the plans below are deterministic under test. */
export type Random = () => number;

export interface Outage {
  status: OutageStatus;
  /** Sent as Retry-After; null sends none. */
  retryAfterSeconds: number | null;
  reason: 'fault' | 'failure-rate';
}

export type OperationPlan =
  | { kind: 'outage'; outage: Outage }
  | { kind: 'accept'; outcome: 'success' | 'permanent-failure'; latencyMs: number };

/** Share of random outages answered 429 rather than 503, so clients meet both. */
const THROTTLE_SHARE = 0.25;
const THROTTLE_RETRY_AFTER_SECONDS = 1;

/**
 * The partner's flakiness, applied to every partner call (reads too) before it does anything:
 * with the profile's transient failure rate the call is refused as an outage.
 */
export function randomOutage(profile: SimulationProfile, random: Random): Outage | null {
  if (profile.transientFailureRate <= 0 || random() >= profile.transientFailureRate) return null;
  return random() < THROTTLE_SHARE
    ? { status: 429, retryAfterSeconds: THROTTLE_RETRY_AFTER_SECONDS, reason: 'failure-rate' }
    : { status: 503, retryAfterSeconds: null, reason: 'failure-rate' };
}

/**
 * What happens to a call that would start a new operation. A scheduled fault decides first
 * (deterministic, for tests); otherwise the profile's permanent failure rate does. The outcome is
 * fixed now and only revealed when the operation completes, after its latency.
 */
export function planOperation(profile: SimulationProfile, fault: Fault | null, random: Random): OperationPlan {
  if (fault?.kind === 'transient') {
    const status = fault.httpStatus ?? 503;
    const retryAfterSeconds = fault.retryAfterSeconds ?? (status === 429 ? THROTTLE_RETRY_AFTER_SECONDS : null);
    return { kind: 'outage', outage: { status, retryAfterSeconds, reason: 'fault' } };
  }
  const fails = fault?.kind === 'permanent' || (profile.permanentFailureRate > 0 && random() < profile.permanentFailureRate);
  return { kind: 'accept', outcome: fails ? 'permanent-failure' : 'success', latencyMs: drawLatency(profile, random) };
}

/** Uniform in latency ± jitter, whole milliseconds, never negative. */
export function drawLatency(profile: SimulationProfile, random: Random): number {
  if (profile.jitterMs <= 0) return Math.max(0, Math.round(profile.latencyMs));
  return Math.max(0, Math.round(profile.latencyMs + (random() * 2 - 1) * profile.jitterMs));
}
