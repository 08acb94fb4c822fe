import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ConfigError, configSchema, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to the servers on this machine', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.workerPort).toBe(3001);
    expect(config.partnerSimPort).toBe(3002);
  });

  it('puts the worker and the simulator on the two ports after PORT unless they are set', () => {
    expect(loadConfig({ PORT: '4000' })).toMatchObject({ port: 4000, workerPort: 4001, partnerSimPort: 4002, partnerSimUrl: 'http://127.0.0.1:4002' });
    expect(loadConfig({ PORT: '4000', WORKER_PORT: '5001', PARTNER_SIM_PORT: '5002' })).toMatchObject({ workerPort: 5001, partnerSimPort: 5002 });
    expect(() => loadConfig({ PORT: '65534' })).toThrow(/PORT: 65534 leaves no room .* set WORKER_PORT and PARTNER_SIM_PORT/);
    expect(loadConfig({ PORT: '65535', WORKER_PORT: '3001', PARTNER_SIM_PORT: '3002' }).port).toBe(65535);
  });

  it('keeps a small database pool per data source unless told otherwise, and refuses a pool of none', () => {
    expect(loadConfig({}).databasePoolSize).toBe(4);
    expect(loadConfig({ DATABASE_POOL_SIZE: '16' }).databasePoolSize).toBe(16);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('names the malformed variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: '0', NODE_ENV: 'staging' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['NODE_ENV', 'PORT']);
    }
  });

  it('points the partner simulator at DATABASE_URL and PARTNER_SIM_PORT unless told otherwise', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/cp', PARTNER_SIM_PORT: '4002' });
    expect(config.partnerSimDatabaseUrl).toBe('postgres://u@db:5432/cp');
    expect(config.partnerSimUrl).toBe('http://127.0.0.1:4002');
    expect(config.partnerCallTimeoutMs).toBe(5000);
    const own = loadConfig({ PARTNER_SIM_DATABASE_URL: 'postgres://u@sim:5432/sim', PARTNER_SIM_URL: 'http://sim:3002/' });
    expect(own.partnerSimDatabaseUrl).toBe('postgres://u@sim:5432/sim');
    expect(own.partnerSimUrl).toBe('http://sim:3002');
    expect(() => loadConfig({ PARTNER_SIM_URL: 'ftp://sim' })).toThrow(/PARTNER_SIM_URL/);
    expect(() => loadConfig({ PARTNER_SIM_DATABASE_URL: 'mysql://sim' })).toThrow(/PARTNER_SIM_DATABASE_URL/);
    expect(() => loadConfig({ PARTNER_CALL_TIMEOUT_MS: '10' })).toThrow(/PARTNER_CALL_TIMEOUT_MS/);
  });

  it('runs the queues on Redis unless told otherwise, and refuses the PostgreSQL backend in production', () => {
    expect(loadConfig({}).queueBackend).toBe('redis');
    expect(loadConfig({ QUEUE_BACKEND: 'postgres' }).queueBackend).toBe('postgres');
    expect(() => loadConfig({ QUEUE_BACKEND: 'kafka' })).toThrow(/QUEUE_BACKEND/);
    expect(loadConfig({ NODE_ENV: 'production', QUEUE_BACKEND: 'redis' }).queueBackend).toBe('redis');
    const refusal = (() => {
      try {
        loadConfig({ NODE_ENV: 'production', QUEUE_BACKEND: 'postgres' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConfigError);
    expect((refusal as ConfigError).message).toMatch(/QUEUE_BACKEND: postgres is for development and the demo; production runs its queues on Redis/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('reads the rate limit, and refuses a zero limit', () => {
    expect(loadConfig({}).rateLimit).toEqual({ requests: 600, windowSeconds: 60 });
    expect(loadConfig({ RATE_LIMIT_REQUESTS: '5', RATE_LIMIT_WINDOW_SECONDS: '1' }).rateLimit).toEqual({ requests: 5, windowSeconds: 1 });
    expect(() => loadConfig({ RATE_LIMIT_REQUESTS: '0' })).toThrow(/RATE_LIMIT_REQUESTS/);
  });

  it('leaves CORS off unless origins are given, and accepts only bare origins', () => {
    expect(loadConfig({}).corsOrigins).toBeNull();
    expect(loadConfig({ CORS_ORIGINS: 'https://console.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://console.example.com',
      'http://localhost:5173',
    ]);
    for (const bad of ['*', 'console.example.com', 'https://console.example.com/', 'https://a.example/path', ' , ']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
    }
  });
});

describe('the configuration table of docs/configuration.md', () => {
  const section = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');
  // Rows look like: | `PORT` | `3000` | meaning |
  const rows = new Map(
    [...section.matchAll(/^\| `([A-Z0-9_]+)` \| `([^`]*)` \|/gm)].map(([, name, fallback]) => [name, fallback]),
  );
  const variables = Object.keys(configSchema.shape) as (keyof typeof configSchema.shape)[];

  it.each(variables)('lists %s with its default', (name) => {
    expect(rows.has(name)).toBe(true);
    const fallback: unknown = configSchema.shape[name].parse(undefined);
    expect(rows.get(name)).toBe(fallback === undefined ? '(none)' : String(fallback));
  });

  it('lists no variable the schema does not read', () => {
    expect([...rows.keys()].sort()).toEqual([...variables].sort());
  });
});
