import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '#libs/core/src/config/app-config.js';
import { REDIS_CLIENT, type RedisClient } from '#libs/core/src/redis/redis.module.js';
import { PostgresRateLimitStorage } from './postgres-rate-limit-storage.js';
import { RateLimitStorage } from './rate-limit-storage.js';
import { RedisRateLimitStorage } from './redis-rate-limit-storage.js';

/** The counters live where the queues do (QUEUE_BACKEND): Redis, or PostgreSQL when there is no Redis. */
export const rateLimitStorageProvider: Provider = {
  provide: RateLimitStorage,
  inject: [AppConfig, REDIS_CLIENT, DataSource],
  useFactory: (config: AppConfig, redis: RedisClient, dataSource: DataSource): RateLimitStorage =>
    config.queueBackend === 'redis' && redis ? new RedisRateLimitStorage(redis) : new PostgresRateLimitStorage(dataSource),
};
