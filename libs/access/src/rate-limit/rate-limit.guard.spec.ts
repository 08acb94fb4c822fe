import { describe, expect, it } from '@jest/globals';
import { type ExecutionContext, HttpException } from '@nestjs/common';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { HealthController } from '#libs/core/src/health/health.controller.js';
import { ApiKeyAuthenticator } from '../authentication/api-key-authenticator.js';
import type { ApiKeyRepository } from '../domain/api-key.js';
import { issueSecret } from '../domain/api-key-secret.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimitStorage, type WindowCount } from './rate-limit-storage.js';

class MemoryStorage extends RateLimitStorage {
  readonly hits = new Map<string, number>();
  failing = false;

  increment(key: string, windowMs: number): Promise<WindowCount> {
    if (this.failing) return Promise.reject(new Error('connection refused'));
    this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
    return Promise.resolve({ hits: this.hits.get(key)!, msUntilReset: windowMs - 1 });
  }
}

class SomeHttpController {
  handle(): void {}
}

const BOOTSTRAP = 'a-bootstrap-key-that-is-long-enough-0123456789';

function setup(bootstrap = BOOTSTRAP) {
  const config = loadConfig({ RATE_LIMIT_REQUESTS: '2', RATE_LIMIT_WINDOW_SECONDS: '60', BOOTSTRAP_API_KEY: bootstrap });
  const storage = new MemoryStorage();
  const authenticator = new ApiKeyAuthenticator({} as ApiKeyRepository, config);
  return { storage, guard: new RateLimitGuard(storage, authenticator, config) };
}

function call(authorization?: string, controller: abstract new (...args: never[]) => object = SomeHttpController) {
  const headers: Record<string, string | number> = {};
  const req = { headers: authorization ? { authorization } : {}, ip: '203.0.113.7', socket: {} };
  const res = { setHeader: (name: string, value: string | number) => void (headers[name] = value) };
  const context = {
    getType: () => 'http',
    getClass: () => controller,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
  return { context, headers };
}

describe('RateLimitGuard', () => {
  it('counts by the key id a request presents, and refuses past the limit with Retry-After', async () => {
    const { guard, storage } = setup();
    const key = issueSecret();
    for (let i = 0; i < 2; i++) expect(await guard.canActivate(call(`Bearer ${key.plaintext}`).context)).toBe(true);
    const third = call(`Bearer ${key.plaintext}`);
    const refusal = await guard.canActivate(third.context).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpException);
    expect((refusal as HttpException).getStatus()).toBe(429);
    expect(third.headers).toMatchObject({ 'Retry-After': 60, 'X-RateLimit-Remaining': 0, 'X-RateLimit-Limit': 2 });
    expect([...storage.hits.keys()]).toEqual([`ratelimit:60s:key:${key.keyId}`]);
  });

  it('counts a request without a usable key by its client address', async () => {
    const { guard, storage } = setup();
    await guard.canActivate(call().context);
    await guard.canActivate(call('Bearer hcp_bad').context);
    expect(storage.hits).toEqual(new Map([['ratelimit:60s:ip:203.0.113.7', 2]]));
  });

  it('gives different bootstrap keys different counters, without the key in the name', async () => {
    const first = setup();
    const second = setup(`${BOOTSTRAP}-other`);
    await first.guard.canActivate(call(`Bearer ${BOOTSTRAP}`).context);
    await second.guard.canActivate(call(`Bearer ${BOOTSTRAP}-other`).context);
    const [a] = [...first.storage.hits.keys()];
    const [b] = [...second.storage.hits.keys()];
    expect(a).toMatch(/^ratelimit:60s:key:bootstrap-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(BOOTSTRAP);
  });

  it('never limits the health checks', async () => {
    const { guard, storage } = setup();
    for (let i = 0; i < 5; i++) expect(await guard.canActivate(call(undefined, HealthController).context)).toBe(true);
    expect(storage.hits.size).toBe(0);
  });

  it('lets calls through when the counter store fails', async () => {
    const { guard, storage } = setup();
    storage.failing = true;
    for (let i = 0; i < 5; i++) expect(await guard.canActivate(call().context)).toBe(true);
  });
});
