import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ProblemDetails } from '#libs/core/src/http/problem-details.js';
import { type AuditEvent, AuditLog, describeScope, outcomeOf } from './audit-event.js';
import type { AuditedRequest } from './audited-request.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Express routes case-insensitively, so /V1/... reaches the same handlers and must be audited too.
const UNDER_V1 = /^\/v1(\/|$)/i;
const MAX_TARGET_LENGTH = 1000;

/**
 * Records every state-changing call under /v1 once its response has been sent, whatever answered
 * it: a handler, a guard, the validation pipe, or the body parser. It is installed as the first
 * Express middleware (installAuditTrail) so nothing can refuse a call before it is watching.
 * The row is written after the response and outside the command's transaction: a failed write
 * is logged and never changes what the caller got.
 */
@Injectable()
export class AuditTrail implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditTrail');
  private readonly pending = new Set<Promise<void>>();
  private installed = false;

  constructor(private readonly log: AuditLog) {}

  middleware(): RequestHandler {
    this.installed = true;
    return (req: Request, res: Response, next: NextFunction) => {
      // A dry run is a question asked by POST: it changes nothing, so it leaves nothing, not even a trail row.
      if (STATE_CHANGING.has(req.method) && UNDER_V1.test(req.path) && req.query.dryRun !== 'true') {
        res.once('finish', () => this.track(this.write(eventOf(req as AuditedRequest, res))));
      }
      next();
    };
  }

  onApplicationBootstrap(): void {
    // An app that imports AccessModule without the hook would silently keep no trail.
    if (!this.installed) {
      throw new Error('The audit trail is not installed: call installAuditTrail(app) before configureHttpApp(app).');
    }
  }

  /** Lets the rows of the last responses reach the database before its pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  /** Resolves once every row of the responses sent so far is written (or has failed to be). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async write(event: AuditEvent): Promise<void> {
    try {
      await this.log.record(event);
    } catch (error) {
      this.logger.error(
        `Could not record ${event.method} ${event.target} (${event.status}) by ${event.keyId ?? 'anonymous'}: ${String(error)}`,
      );
    }
  }

  private track(write: Promise<void>): void {
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }
}

function eventOf(req: AuditedRequest, res: Response): AuditEvent {
  const status = res.statusCode;
  const caller = req.caller ?? null;
  const problem = res.locals.problem as ProblemDetails | undefined;
  const location = res.getHeader('location');
  const target = status === 201 && typeof location === 'string' ? location : req.path;
  return {
    keyId: caller?.keyId ?? null,
    role: caller?.role ?? null,
    scope: caller ? describeScope(caller) : null,
    // No action: no route took the call, either because none matches (404) or because it was
    // refused before routing (a malformed or oversized body, a wrong media type).
    action: req.auditAction ?? (status === 404 ? 'unknown-route' : 'unrouted'),
    method: req.method,
    target: target.slice(0, MAX_TARGET_LENGTH),
    status,
    outcome: outcomeOf(status),
    detail: status >= 400 ? (problem?.detail ?? null) : null,
  };
}

/** Call before configureHttpApp: the hook must see calls the body parser refuses, too. */
export function installAuditTrail(app: INestApplication): void {
  app.use(app.get(AuditTrail).middleware());
}
