import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '#libs/core/src/redis/redis.module.js';
import { RateLimitStorage, type WindowCount } from './rate-limit-storage.js';

/**
 * INCR and PEXPIRE in one script, so no process can see a counter without its expiry: a counter
 * left without one (a crash between two separate commands) would refuse its key forever.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {hits, ttl}
`;

const COMMAND = 'rateLimitIncrement';

type WithIncrement = Redis & { [COMMAND](key: string, windowMs: number): Promise<[number, number]> };

@Injectable()
export class RedisRateLimitStorage extends RateLimitStorage {
  private readonly redis: WithIncrement;

  constructor(@Inject(REDIS_CLIENT) redis: Redis) {
    super();
    // defineCommand sends the script once and then calls it by its SHA.
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: INCREMENT });
    this.redis = redis as WithIncrement;
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const [hits, msUntilReset] = await this.redis[COMMAND](key, windowMs);
    return { hits, msUntilReset };
  }
}
