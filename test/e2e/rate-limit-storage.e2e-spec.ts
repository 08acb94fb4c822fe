import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { PostgresRateLimitStorage } from '#libs/access/src/rate-limit/postgres-rate-limit-storage.js';
import type { RateLimitStorage } from '#libs/access/src/rate-limit/rate-limit-storage.js';
import { RedisRateLimitStorage } from '#libs/access/src/rate-limit/redis-rate-limit-storage.js';
import { loadConfig } from '#libs/core/src/config/app-config.js';
import { dataSourceOptions } from '#libs/persistence/src/data-source-options.js';
import { runMigrations } from '#libs/persistence/src/run-migrations.js';
import { createDatabase, dropDatabase, ensureTemplateDatabase, uniqueDatabaseName } from '../support/test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const databaseName = uniqueDatabaseName('cp_test_rate_limit_storage');
let dataSource: DataSource;
let redis: Redis;

beforeAll(async () => {
  const url = await createDatabase(databaseName, await ensureTemplateDatabase(runMigrations));
  dataSource = await new DataSource(dataSourceOptions(url, 4)).initialize();
  // The Redis every test uses (startTestApp's configuration has no REDIS_URL of its own).
  redis = new Redis(loadConfig({}).redisUrl);
});
afterAll(async () => {
  await dataSource.destroy();
  redis.disconnect();
  await dropDatabase(databaseName);
});

const stores: [string, () => RateLimitStorage][] = [
  ['Redis (the Lua script)', () => new RedisRateLimitStorage(redis)],
  ['PostgreSQL (the upsert)', () => new PostgresRateLimitStorage(dataSource)],
];

// One contract, two stores: the PostgreSQL counters must behave exactly as the Redis ones.
describe.each(stores)('rate-limit counters in %s', (_name, open) => {
  let storage: RateLimitStorage;
  beforeAll(() => {
    storage = open();
  });
  // Unique per test and run: the Redis is shared with other runs.
  const key = () => `ratelimit:test:${randomUUID()}`;

  it('counts the calls of a window and says how long it has left, within the window', async () => {
    const k = key();
    const counts = [];
    for (let i = 0; i < 3; i++) counts.push(await storage.increment(k, 60_000));
    expect(counts.map((c) => c.hits)).toEqual([1, 2, 3]);
    for (const count of counts) {
      expect(count.msUntilReset).toBeGreaterThan(0);
      expect(count.msUntilReset).toBeLessThanOrEqual(60_000);
    }
    // The window started with the first call: later calls do not extend it.
    expect(counts[2].msUntilReset).toBeLessThanOrEqual(counts[0].msUntilReset);
  });

  it('starts a new window with the first call after the last one ended', async () => {
    const k = key();
    await storage.increment(k, 200);
    const second = await storage.increment(k, 200);
    expect(second.hits).toBe(2);
    await sleep(second.msUntilReset + 50);
    const next = await storage.increment(k, 5000);
    expect(next.hits).toBe(1);
    // The new window is the new call's: its length, not what was left of the old one.
    expect(next.msUntilReset).toBeGreaterThan(200);
  });

  it('keeps keys apart', async () => {
    const [a, b] = [key(), key()];
    await storage.increment(a, 60_000);
    await storage.increment(a, 60_000);
    expect((await storage.increment(b, 60_000)).hits).toBe(1);
  });

  it('gives concurrent calls of one key each their own count', async () => {
    const k = key();
    const counts = await Promise.all(Array.from({ length: 40 }, () => storage.increment(k, 60_000)));
    expect(counts.map((c) => c.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});

describe('rate-limit counters in PostgreSQL, ended windows', () => {
  it('are deleted, so keys seen once do not stay for ever; running windows stay', async () => {
    const [ended, running] = [`ratelimit:test:${randomUUID()}`, `ratelimit:test:${randomUUID()}`];
    await dataSource.query(
      `INSERT INTO rate_limit_counters (key, hits, resets_at) VALUES ($1, 3, now() - interval '1 second'), ($2, 2, now() + interval '1 hour')`,
      [ended, running],
    );
    // A fresh storage sweeps before its first count.
    await new PostgresRateLimitStorage(dataSource).increment(`ratelimit:test:${randomUUID()}`, 60_000);
    const rows: unknown = await dataSource.query(`SELECT key, hits FROM rate_limit_counters WHERE key = ANY($1)`, [[ended, running]]);
    expect(rows).toEqual([{ key: running, hits: 2 }]);
  });
});
