import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { type ConnectionWitness, connectionWitness } from '../support/connection-witness.js';
import { databaseUrl, dropDatabase } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('platform endpoints', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with PostgreSQL and Redis up', async () => {
    await t.http.get('/health').expect(200, { status: 'ok', info: {}, error: {}, details: {} });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({
      postgresql: expect.objectContaining({ status: 'up' }),
      redis: expect.objectContaining({ status: 'up' }),
    });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await t.http.get('/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/v1/partners');
    const ui = await t.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const res = await t.http.get('/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/v1/no-such-thing' });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.http.post('/v1/partners').set('content-type', 'text/plain').send('code=x').expect(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a NUL character in the path with 404, not a database error', async () => {
    const res = await t.http.get('/v1/partners/a%00b').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends security headers and no x-powered-by', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('readiness without Redis', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Port 1 is never a Redis: the readiness check must say which dependency is down.
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('is 503 problem+json naming redis, while liveness stays 200', async () => {
    await t.http.get('/health').expect(200);
    const res = await t.http.get('/health/ready').expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.detail).toMatch(/redis/);
    expect(res.body.detail).not.toMatch(/postgresql/);
  });
});

describe('readiness with the queues on PostgreSQL (QUEUE_BACKEND=postgres)', () => {
  let t: TestApp;
  let witness: ConnectionWitness;
  const env = () => ({ QUEUE_BACKEND: 'postgres', REDIS_URL: witness.redisUrl });

  beforeAll(async () => {
    // REDIS_URL points at a witness: readiness must not even connect to it.
    witness = await connectionWitness();
    t = await startTestApp(env());
  });
  afterAll(async () => {
    await t.close();
    await witness.close();
  });

  it('checks PostgreSQL alone, in the API and in the worker, and never connects to Redis', async () => {
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({ postgresql: expect.objectContaining({ status: 'up' }) });

    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', ...env(), DATABASE_URL: databaseUrl(t.databaseName) });
    const worker = await createWorkerApp(config);
    try {
      await worker.init();
      const workerReady = await request(worker.getHttpServer()).get('/health/ready').expect(200);
      expect(workerReady.body.details).toEqual({ postgresql: expect.objectContaining({ status: 'up' }) });
    } finally {
      await worker.close();
    }
    expect(witness.connections()).toBe(0);
  });

  it('is 503 naming postgresql when the database is gone: it is the queue backend too', async () => {
    await dropDatabase(t.databaseName);
    const res = await t.http.get('/health/ready').expect(503);
    expect(res.body.detail).toMatch(/postgresql/);
  });
});
