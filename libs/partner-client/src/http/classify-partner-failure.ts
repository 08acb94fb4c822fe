import { type PartnerError, PermanentPartnerError, TransientPartnerError } from '../partner-errors.js';

/** Statuses worth retrying: the partner is overloaded, throttling, down, or timed out. */
export const isTransientStatus = (status: number): boolean => status === 408 || status === 429 || status >= 500;

/** Retry-After in milliseconds, from delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its weekday and month (RFC 9110); Date.parse alone would read '-1' as a year.
  const at = /^[A-Za-z]{3},? /.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

interface ProblemBody {
  type?: unknown;
  detail?: unknown;
}

/** A problem+json `type` URI's last segment is its stable slug. */
function problemCode(body: unknown, status: number): string {
  const type = (body as ProblemBody | null)?.type;
  if (typeof type === 'string' && type !== '') return type.replace(/\/+$/, '').split('/').pop() ?? type;
  return `http-${status}`;
}

function problemDetail(body: unknown): string | null {
  const detail = (body as ProblemBody | null)?.detail;
  return typeof detail === 'string' ? detail : null;
}

/** An answer that is not 2xx, classified; `call` names it for the message (`POST /partners/…`). */
export function errorFromResponse(
  partner: string,
  call: string,
  status: number,
  headers: { get(name: string): string | null },
  body: unknown,
  now: number = Date.now(),
): PartnerError {
  const detail = problemDetail(body);
  const message = `${partner}: ${call} answered ${status}${detail ? `: ${detail}` : ''}`;
  if (isTransientStatus(status)) {
    return new TransientPartnerError(message, partner, status, parseRetryAfter(headers.get('retry-after'), now));
  }
  return new PermanentPartnerError(message, partner, status, problemCode(body, status));
}

/** Node's fetch reports network failures as a TypeError whose cause carries the system error code. */
function systemCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return null;
}

/**
 * No answer at all (refused, reset, unreachable, timed out): the call may or may not have reached
 * the partner, so it is transient; the idempotency key makes the retry safe.
 */
export function errorFromNetworkFailure(partner: string, call: string, error: unknown, timeoutMs: number): TransientPartnerError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TransientPartnerError(`${partner}: ${call} did not answer within ${timeoutMs} ms`, partner, null, null, { cause: error });
  }
  const code = systemCode(error);
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new TransientPartnerError(`${partner}: ${call} failed without an answer (${reason})`, partner, null, null, { cause: error });
}
