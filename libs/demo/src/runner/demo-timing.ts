/** A partner's speed in the demo: how long its operations take, before `--fast` scales them. */
export interface PartnerPace {
  latencyMs: number;
  jitterMs: number;
}

/**
 * How fast the demo world moves. Real partner APIs take seconds per operation; `--fast` (what CI
 * runs) scales the partners' latencies and the control plane's waits down by the same factor, so
 * every scenario tells the same story, only sooner.
 */
export interface DemoTiming {
  fast: boolean;
  /** Each partner's pace, already scaled. */
  partners: Record<string, PartnerPace>;
  /** A pace slow enough to act on a request while its partner works (cancel mid-flight). */
  slowPartner: PartnerPace;
  /** How often the demo reads a request it follows, and how long before it gives up on it. */
  watchPollMs: number;
  watchTimeoutMs: number;
  /** The demo's approval timeout: short, so one scenario can show a request timing out. */
  approvalTimeoutMs: number;
  /** The job lock: how long a killed worker's jobs wait before another worker takes them. */
  jobLockMs: number;
}

const PARTNER_PACE: Record<string, PartnerPace> = {
  provider: { latencyMs: 400, jitterMs: 150 },
  'china-telecom': { latencyMs: 700, jitterMs: 250 },
  softbank: { latencyMs: 500, jitterMs: 200 },
};

const FAST_FACTOR = 20;

export function demoTiming(fast: boolean): DemoTiming {
  const scale = (ms: number): number => (fast ? Math.round(ms / FAST_FACTOR) : ms);
  const partners = Object.fromEntries(
    Object.entries(PARTNER_PACE).map(([partner, pace]) => [partner, { latencyMs: scale(pace.latencyMs), jitterMs: scale(pace.jitterMs) }]),
  );
  return {
    fast,
    partners,
    slowPartner: { latencyMs: fast ? 300 : 1500, jitterMs: 0 },
    watchPollMs: fast ? 50 : 250,
    watchTimeoutMs: fast ? 60_000 : 300_000,
    approvalTimeoutMs: fast ? 3000 : 20_000,
    jobLockMs: fast ? 2000 : 10_000,
  };
}

/**
 * The control plane's configuration for the demo, as environment variables (a worker started as a
 * child process gets the same): the production rules, with waits to match the partners' pace.
 */
export function demoEnvironment(timing: DemoTiming): Record<string, string> {
  const fast = timing.fast;
  return {
    LOG_LEVEL: 'error',
    SEED_DEMO_WORLD: 'always',
    // The demo follows its requests closely; a real client would poll less, or follow the event stream.
    RATE_LIMIT_REQUESTS: '1000000',
    APPROVAL_TIMEOUT_MS: String(timing.approvalTimeoutMs),
    MAINTENANCE_INTERVAL_MS: fast ? '250' : '1000',
    JOB_LOCK_MS: String(timing.jobLockMs),
    OUTBOX_RELAY_INTERVAL_MS: fast ? '20' : '100',
    // A partner that fails a third of its calls for a while must not exhaust a step's attempts.
    STEP_MAX_ATTEMPTS: '12',
    STEP_RETRY_BASE_MS: fast ? '20' : '200',
    // Past the fast partners' slowest operation, so an operation is polled once: the same seed then
    // draws the same outcomes for its polls from run to run.
    STEP_POLL_BASE_MS: fast ? '60' : '200',
    STEP_POLL_MAX_MS: fast ? '200' : '2000',
  };
}
