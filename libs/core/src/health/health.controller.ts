import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Public } from '../http/public.decorator.js';
import { REDIS_CLIENT, type RedisClient } from '../redis/redis.module.js';

const CHECK_TIMEOUT_MS = 1500;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
  ) {}

  /** Liveness: the process answers. Dependencies are readiness's business. */
  @Get()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Readiness: PostgreSQL, and the queue backend in use. With QUEUE_BACKEND=postgres that is the
   * same database, so there is no Redis to ask (and no client that could).
   */
  @Get('ready')
  async ready(): Promise<HealthCheckResult> {
    const redis = this.redis;
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgresql').withTimeout(CHECK_TIMEOUT_MS),
        ...(redis
          ? [
              () =>
                this.indicators
                  .check('redis')
                  .attempt(async () => {
                    if (redis.status === 'wait') await redis.connect();
                    await redis.ping();
                  })
                  .withTimeout(CHECK_TIMEOUT_MS),
            ]
          : []),
      ]);
    } catch (error) {
      const details = (error as { response?: HealthCheckResult }).response?.details ?? {};
      const down = Object.entries(details)
        .filter(([, check]) => check.status === 'down')
        .map(([name]) => name);
      if (error instanceof ServiceUnavailableException) {
        throw new ServiceUnavailableException(`Not ready: ${down.join(', ') || 'a dependency'} unreachable.`);
      }
      throw error;
    }
  }
}
