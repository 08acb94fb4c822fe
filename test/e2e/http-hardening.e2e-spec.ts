import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectProblem } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CONSOLE = 'https://console.example.com';
const EVIL = 'https://evil.example.com';

describe('HTTP hardening, default configuration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends no CORS headers to any origin, not even on a preflight', async () => {
    const simple = await t.http.get('/v1/api-keys').set('Origin', CONSOLE).expect(200);
    expect(Object.keys(simple.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const preflight = await t.anonymous
      .options('/v1/api-keys')
      .set('Origin', CONSOLE)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('sends helmet security headers and no x-powered-by', async () => {
    const res = await t.http.get('/v1/api-keys').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/max-age=\d+/),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const res = await t.http.post('/v1/api-keys').send({ name: 'x'.repeat(200 * 1024), role: 'platform-operator' });
    expectProblem(res, 413);
  });
});

describe('HTTP hardening, with CORS_ORIGINS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: `${CONSOLE},http://localhost:5173` });
  });
  afterAll(() => t.close());

  it('lets a configured origin read responses, with the headers a client needs', async () => {
    const res = await t.http.get('/v1/api-keys').set('Origin', CONSOLE).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(res.headers['access-control-expose-headers']).toMatch(/Location/);
    expect(res.headers['access-control-expose-headers']).toMatch(/Retry-After/);
  });

  it('answers a configured origin\'s preflight without a key', async () => {
    const res = await t.anonymous
      .options('/v1/api-keys')
      .set('Origin', CONSOLE)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(res.headers['access-control-allow-headers']).toMatch(/authorization/i);
  });

  it('gives any other origin no access-control-allow-origin', async () => {
    const res = await t.http.get('/v1/api-keys').set('Origin', EVIL).expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.anonymous.options('/v1/api-keys').set('Origin', EVIL).set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
