import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { HealthController } from '#libs/core/src/health/health.controller.js';
import { ApiKeyAuthenticator } from '../authentication/api-key-authenticator.js';
import { RateLimitStorage, type WindowCount } from './rate-limit-storage.js';

/** A counter store that does not answer in this time lets the call through rather than hold it. */
const STORAGE_TIMEOUT_MS = 500;
const WARNING_INTERVAL_MS = 60_000;

/**
 * Limits calls per API key, across every route and every API process (the counters live in
 * Redis, or in PostgreSQL with QUEUE_BACKEND=postgres). Registered before authentication, so a
 * flood costs one counter call per request and no key lookup: the key is only parsed here, never
 * verified; without a key the client address is counted instead. Health checks are never
 * limited: probes must always get through. If the counter store fails, calls are let through
 * and a warning is logged: it holds nothing the API cannot do without, and refusing every call
 * while it is down would be the bigger outage.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');
  private readonly limit: number;
  private readonly windowSeconds: number;
  private lastWarningAt = 0;

  constructor(
    private readonly storage: RateLimitStorage,
    private readonly authenticator: ApiKeyAuthenticator,
    config: AppConfig,
  ) {
    this.limit = config.rateLimit.requests;
    this.windowSeconds = config.rateLimit.windowSeconds;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || context.getClass() === HealthController) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const count = await this.count(this.trackerOf(req));
    if (!count) return true;
    const resetSeconds = Math.max(1, Math.ceil(count.msUntilReset / 1000));
    res.setHeader('X-RateLimit-Limit', this.limit);
    res.setHeader('X-RateLimit-Remaining', Math.max(0, this.limit - count.hits));
    res.setHeader('X-RateLimit-Reset', resetSeconds);
    if (count.hits <= this.limit) return true;
    res.setHeader('Retry-After', resetSeconds);
    throw new HttpException(
      `Too many requests: at most ${this.limit} every ${this.windowSeconds} s per API key (per client address without one). ` +
        `Retry after ${resetSeconds} s.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /** The claimed key id (unverified: a wrong secret still counts against that key), else the address. */
  private trackerOf(req: Request): string {
    const key = this.authenticator.claimedKey(req.headers.authorization);
    return key ? `key:${key}` : `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
  }

  private async count(tracker: string): Promise<WindowCount | null> {
    // The window is part of the name: a counter started under another window length is not this one's.
    const key = `ratelimit:${this.windowSeconds}s:${tracker}`;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.storage.increment(key, this.windowSeconds * 1000),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${STORAGE_TIMEOUT_MS} ms`)), STORAGE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      if (Date.now() - this.lastWarningAt > WARNING_INTERVAL_MS) {
        this.lastWarningAt = Date.now();
        this.logger.warn(`Rate limit not applied: the counter store failed (${String(error)}).`);
      }
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
