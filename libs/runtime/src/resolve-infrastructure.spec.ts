import { describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { ConfigError } from '#libs/core/src/config/app-config.js';
import type { EmbeddedPostgres, EmbeddedPostgresOptions } from './embedded-postgres/embedded-postgres.js';
import type { ResolveInfrastructureOptions } from './infrastructure.js';
import { EmbeddedPostgresError, InfrastructureError } from './infrastructure-error.js';
import type { ProbeResult } from './probes.js';
import { resolveInfrastructure } from './resolve-infrastructure.js';

const ANSWERS = { postgres: 'PostgreSQL answers on 127.0.0.1:5432 as user postgres', redis: 'Redis answers PING on 127.0.0.1:6379' };
const SILENT = { postgres: 'nothing answers on 127.0.0.1:5432', redis: 'nothing answers on 127.0.0.1:6379' };

/** Probes that answer as told, and remember what they were asked; the embedded start is a stand-in. */
function world(answering: { postgres: boolean; redis: boolean }) {
  const probed: string[] = [];
  const started: EmbeddedPostgresOptions[] = [];
  let stops = 0;
  const probe = (server: 'postgres' | 'redis') => (url: string): Promise<ProbeResult> => {
    probed.push(url);
    return Promise.resolve({ answers: answering[server], detail: (answering[server] ? ANSWERS : SILENT)[server] });
  };
  const startEmbedded = (options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> => {
    started.push(options);
    return Promise.resolve({
      url: `postgres://postgres:secret@127.0.0.1:${options.port}/postgres`,
      version: '18.4',
      port: options.port,
      dataDir: options.dataDir,
      initialised: true,
      runsAs: null,
      stop: () => {
        stops += 1;
        return Promise.resolve();
      },
    });
  };
  const resolve = (env: Record<string, string>, more: Partial<ResolveInfrastructureOptions> = {}) =>
    resolveInfrastructure({ env, purpose: 'start', probe: { postgres: probe('postgres'), redis: probe('redis') }, startEmbedded, ...more });
  return { resolve, probed, started, stops: () => stops };
}

const refusal = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
};

describe('resolveInfrastructure: which database', () => {
  it('uses DATABASE_URL and REDIS_URL when set, without asking the local ports', async () => {
    const w = world({ postgres: true, redis: true });
    const infra = await w.resolve({ DATABASE_URL: 'postgres://app:hunter2@db.example.com:5432/cp', REDIS_URL: 'redis://cache.example.com:6380' });
    expect(w.probed).toEqual([]);
    expect(infra.database).toEqual({ kind: 'configured', url: 'postgres://app:hunter2@db.example.com:5432/cp', reason: 'DATABASE_URL is set' });
    expect(infra.queues).toEqual({ kind: 'redis', reason: 'REDIS_URL is set' });
    expect(infra.env).toEqual({ DATABASE_URL: 'postgres://app:hunter2@db.example.com:5432/cp', QUEUE_BACKEND: 'redis', REDIS_URL: 'redis://cache.example.com:6380' });
    // Never the password: the line may end up in a log.
    expect(infra.summary).toBe('PostgreSQL on db.example.com:5432/cp: DATABASE_URL is set; queues on Redis at cache.example.com:6380: REDIS_URL is set');
    expect(w.started).toEqual([]);
  });

  it('uses the servers answering on the default local ports when nothing is set', async () => {
    const w = world({ postgres: true, redis: true });
    const infra = await w.resolve({});
    expect(w.probed.sort()).toEqual(['postgres://postgres@127.0.0.1:5432/postgres', 'redis://127.0.0.1:6379']);
    expect(infra.database.kind).toBe('local');
    expect(infra.env).toEqual({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', QUEUE_BACKEND: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(infra.summary).toBe(
      'local PostgreSQL on 127.0.0.1:5432/postgres: PostgreSQL answers on 127.0.0.1:5432 as user postgres and DATABASE_URL is unset; ' +
        'queues on Redis at 127.0.0.1:6379: Redis answers PING on 127.0.0.1:6379 and REDIS_URL is unset',
    );
    expect(w.started).toEqual([]);
  });

  it('starts the embedded PostgreSQL, data kept under .data/postgres on port 54329, when nothing is set or answering', async () => {
    const w = world({ postgres: false, redis: false });
    const infra = await w.resolve({});
    expect(w.started).toEqual([{ dataDir: '.data/postgres', port: 54329, persistent: true }]);
    expect(infra.database).toEqual({
      kind: 'embedded',
      url: 'postgres://postgres:secret@127.0.0.1:54329/postgres',
      reason: 'nothing answers on 127.0.0.1:5432 and DATABASE_URL is unset',
    });
    expect(infra.queues).toEqual({ kind: 'postgres', reason: 'nothing answers on 127.0.0.1:6379 and REDIS_URL is unset' });
    // No REDIS_URL at all: nothing should try a Redis.
    expect(infra.env).toEqual({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:54329/postgres', QUEUE_BACKEND: 'postgres' });
    expect(infra.summary).toBe(
      'embedded PostgreSQL 18.4 on 127.0.0.1:54329 (data in .data/postgres, created now): nothing answers on 127.0.0.1:5432 and DATABASE_URL is unset; ' +
        "queues on BullMQ's PostgreSQL backend: nothing answers on 127.0.0.1:6379 and REDIS_URL is unset",
    );
  });

  it('takes the embedded port from EMBEDDED_POSTGRES_PORT and the folder from the caller', async () => {
    const w = world({ postgres: false, redis: true });
    await w.resolve({ EMBEDDED_POSTGRES_PORT: '6543' }, { dataDir: '/srv/cp/pg' });
    expect(w.started).toEqual([{ dataDir: '/srv/cp/pg', port: 6543, persistent: true }]);
  });

  it('gives the demo a free port and a throwaway folder', async () => {
    const w = world({ postgres: false, redis: false });
    const infra = await w.resolve({}, { purpose: 'demo' });
    const [options] = w.started;
    try {
      expect(options.persistent).toBe(false);
      expect(options.port).not.toBe(54329);
      expect(options.dataDir).toMatch(/control-plane-postgres-/);
      expect(infra.summary).toContain(', removed at exit)');
    } finally {
      await rm(options.dataDir, { recursive: true, force: true });
    }
  });

  it('stops the embedded PostgreSQL once, however often it is closed', async () => {
    const w = world({ postgres: false, redis: false });
    const infra = await w.resolve({});
    await Promise.all([infra.close(), infra.close()]);
    await infra.close();
    expect(w.stops()).toBe(1);
  });
});

describe('resolveInfrastructure: which queue backend', () => {
  it('puts the queues on PostgreSQL, in the configured database, when no Redis is set or answering', async () => {
    const w = world({ postgres: false, redis: false });
    const infra = await w.resolve({ DATABASE_URL: 'postgres://app@db:5432/cp' });
    expect(w.started).toEqual([]);
    expect(infra.env).toEqual({ DATABASE_URL: 'postgres://app@db:5432/cp', QUEUE_BACKEND: 'postgres' });
  });

  it('puts them on PostgreSQL beside a local PostgreSQL, too', async () => {
    const w = world({ postgres: true, redis: false });
    const infra = await w.resolve({});
    expect(infra.database.kind).toBe('local');
    expect(infra.queues.kind).toBe('postgres');
  });

  it('follows QUEUE_BACKEND when it is set, without asking for a Redis', async () => {
    const onRedis = world({ postgres: true, redis: false });
    const redis = await onRedis.resolve({ QUEUE_BACKEND: 'redis' });
    expect(onRedis.probed).toEqual(['postgres://postgres@127.0.0.1:5432/postgres']);
    expect(redis.queues).toEqual({ kind: 'redis', reason: 'QUEUE_BACKEND=redis is set' });
    expect(redis.env.REDIS_URL).toBe('redis://127.0.0.1:6379');

    const onPostgres = world({ postgres: true, redis: true });
    const postgres = await onPostgres.resolve({ QUEUE_BACKEND: 'postgres' });
    expect(postgres.queues).toEqual({ kind: 'postgres', reason: 'QUEUE_BACKEND=postgres is set' });
    expect(postgres.env.REDIS_URL).toBeUndefined();
  });
});

describe('resolveInfrastructure: production', () => {
  it('refuses the embedded default with one message naming both, and starts nothing', async () => {
    const w = world({ postgres: false, redis: false });
    const error = await refusal(w.resolve({ NODE_ENV: 'production' }));
    expect(error).toBeInstanceOf(InfrastructureError);
    expect(error.message).toBe(
      'NODE_ENV=production never runs on the embedded default (PostgreSQL from npm, queues in PostgreSQL): ' +
        'nothing answers on 127.0.0.1:5432 and DATABASE_URL is unset; nothing answers on 127.0.0.1:6379 and REDIS_URL is unset.\n' +
        'Production runs on PostgreSQL and Redis of its own: set DATABASE_URL and REDIS_URL (docker/compose.yaml runs both).',
    );
    expect(w.started).toEqual([]);
  });

  it('refuses queues in PostgreSQL even when the database is configured', async () => {
    const w = world({ postgres: false, redis: false });
    const error = await refusal(w.resolve({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db:5432/cp' }));
    expect(error.message).toMatch(/: nothing answers on 127\.0\.0\.1:6379 and REDIS_URL is unset\.\n/);
    expect(error.message).not.toMatch(/5432/);
  });

  it('refuses QUEUE_BACKEND=postgres as a configuration error, and runs on what is configured', async () => {
    const w = world({ postgres: true, redis: true });
    expect(await refusal(w.resolve({ NODE_ENV: 'production', QUEUE_BACKEND: 'postgres' }))).toBeInstanceOf(ConfigError);
    expect(w.probed).toEqual([]);
    const infra = await w.resolve({ NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db:5432/cp', REDIS_URL: 'redis://cache:6379' });
    expect(infra.env.QUEUE_BACKEND).toBe('redis');
  });
});

describe('resolveInfrastructure: failures', () => {
  it('checks every variable before it asks or starts anything', async () => {
    const w = world({ postgres: false, redis: false });
    const error = await refusal(w.resolve({ EMBEDDED_POSTGRES_PORT: 'high' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toMatch(/EMBEDDED_POSTGRES_PORT/);
    expect(w.probed).toEqual([]);
    expect(w.started).toEqual([]);
  });

  it("passes on the embedded PostgreSQL's one message: what failed, and the compose command instead", async () => {
    const w = world({ postgres: false, redis: false });
    const error = await refusal(
      w.resolve({}, { startEmbedded: () => Promise.reject(new EmbeddedPostgresError('port-taken', '127.0.0.1:54329 is already in use.')) }),
    );
    expect(error.message).toBe(
      'Cannot start the embedded PostgreSQL: 127.0.0.1:54329 is already in use.\n' +
        'Instead, run PostgreSQL and Redis from the compose file: docker compose -f docker/compose.yaml up -d postgres redis\n' +
        'and start with DATABASE_URL=postgres://control_plane:control_plane@127.0.0.1:5432/control_plane REDIS_URL=redis://127.0.0.1:6379',
    );
  });
});
