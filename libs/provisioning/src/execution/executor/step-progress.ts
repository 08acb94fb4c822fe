import type { AppConfig } from '#libs/core/src/config/app-config.js';
import { pollDelayMs, retryDelayMs } from './backoff.js';
import type { ItemOutcome, Trouble } from './item-work.js';
import type { ExecutionItem } from './request-snapshot.js';

/** The longest wait between two tries, whatever the attempt (the partner's Retry-After may ask for more). */
const RETRY_MAX_MS = 30_000;

/** What a job's item outcomes add up to, for one step, forward or backward. */
export interface StepProgress {
  items: ExecutionItem[];
  /** The first permanent trouble's message, if any. */
  permanent: string | null;
  /** The transient troubles: retry the step after a backoff (or give up when attempts are spent). */
  transient: Extract<Trouble, { kind: 'transient' }>[];
  /** When to look again at the operations still running. */
  pollDelayMs: number;
}

export function progressOf(outcomes: ItemOutcome[], config: AppConfig, now: Date): StepProgress {
  const items = outcomes.map((outcome) => outcome.item);
  const running = items.filter((item) => item.status === 'running' || item.status === 'deleting');
  const ages = running.map((item) => now.getTime() - Date.parse(item.operationStartedAt ?? now.toISOString()));
  return {
    items,
    permanent: outcomes.find((outcome) => outcome.trouble?.kind === 'permanent')?.trouble?.message ?? null,
    transient: outcomes.flatMap((outcome) => (outcome.trouble?.kind === 'transient' ? [outcome.trouble] : [])),
    pollDelayMs: Math.min(...ages.map((age) => pollDelayMs(config.steps, age)), config.steps.pollMaxMs),
  };
}

/** The delay before try `attempt + 1`, honouring the longest Retry-After any item was given. */
export function retryDelayFor(progress: StepProgress, attempt: number, config: AppConfig): number {
  const retryAfter = Math.max(0, ...progress.transient.map((trouble) => trouble.retryAfterMs ?? 0));
  return retryDelayMs({ retryBaseMs: config.steps.retryBaseMs, retryMaxMs: RETRY_MAX_MS }, attempt, retryAfter || null);
}
