import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { issueSecret } from '#libs/access/src/domain/api-key-secret.js';
import { type ConnectionWitness, connectionWitness } from '../support/connection-witness.js';
import { expectProblem } from '../support/problem-assertions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LIMIT = 5;

/** Fresh keys for every run: their counters in the shared Redis are theirs alone. */
async function insertKey(db: pg.Pool): Promise<string> {
  const issued = issueSecret();
  await db.query(`INSERT INTO api_keys (id, name, role, secret_hash) VALUES ($1, 'rate limited', 'platform-operator', $2)`, [
    issued.keyId,
    issued.secretHash,
  ]);
  return issued.plaintext;
}

// The same behaviour whichever store holds the counters: Redis, or PostgreSQL when the queues run there.
describe.each(['redis', 'postgres'] as const)('rate limit per key, counters where QUEUE_BACKEND=%s keeps them', (backend) => {
  let t: TestApp;
  let first: string;
  let second: string;
  // On PostgreSQL, REDIS_URL points at a witness: the API must not even connect to it.
  let witness: ConnectionWitness | undefined;

  beforeAll(async () => {
    witness = backend === 'postgres' ? await connectionWitness() : undefined;
    t = await startTestApp({
      RATE_LIMIT_REQUESTS: String(LIMIT),
      RATE_LIMIT_WINDOW_SECONDS: '1',
      QUEUE_BACKEND: backend,
      ...(witness ? { REDIS_URL: witness.redisUrl } : {}),
    });
    first = await insertKey(t.db);
    second = await insertKey(t.db);
  });
  afterAll(async () => {
    await t.close();
    await witness?.close();
  });

  const call = (key: string) => t.anonymous.get('/v1/api-keys').set('Authorization', `Bearer ${key}`);

  it('answers the call past the limit with 429 problem+json and Retry-After; another key is unaffected; it recovers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await call(first)).status);
    const refused = await call(first);
    expect([...statuses, refused.status]).toEqual([200, 200, 200, 200, 200, 429]);
    expectProblem(refused, 429);
    expect(refused.body.detail).toMatch(/Too many requests/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');

    await call(second).expect(200);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
    const recovered = await call(first).expect(200);
    expect(Number(recovered.headers['x-ratelimit-remaining'])).toBe(LIMIT - 1);
  });

  it('counts calls without a key by client address, before authentication', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await t.anonymous.post('/v1/api-keys').send({})).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('never limits the health checks', async () => {
    for (let i = 0; i < LIMIT * 3; i++) await t.anonymous.get('/health').expect(200);
  });

  if (backend === 'postgres') {
    it('keeps the counters in PostgreSQL and never connects to Redis', async () => {
      const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rate_limit_counters`);
      expect(rows[0].n).toBeGreaterThan(0);
      expect(witness!.connections()).toBe(0);
    });
  }
});
