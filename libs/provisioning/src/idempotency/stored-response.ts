import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '#libs/core/src/http/problem-details.js';

/** A response as an idempotency key keeps it, to send again on a retry. */
export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
  location: string | null;
  /** True when this is a replay of the key's first response. */
  replayed?: boolean;
}

/**
 * Sets status and headers for a stored response and returns the body, for a handler whose
 * response is passed through (`@Res({ passthrough: true })`). A refusal is problem+json and is
 * left where the audit trail reads the problem.
 */
export function sendStoredResponse(req: Request, res: Response, response: StoredResponse): Record<string, unknown> {
  res.status(response.status);
  if (response.location !== null) res.location(response.location);
  if (response.replayed) res.setHeader('Idempotent-Replayed', 'true');
  if (response.status < 400) return response.body;
  const problem = { ...response.body, instance: req.originalUrl };
  res.type(PROBLEM_CONTENT_TYPE);
  res.locals.problem = problem;
  return problem;
}
