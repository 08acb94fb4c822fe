import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PARTNER_SIM_DATA_SOURCE } from '../persistence/partner-sim-data-source.js';

const CHECK_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
export class PartnerSimHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    @InjectDataSource(PARTNER_SIM_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: the simulator's database answers (its state lives there). */
  @Get('ready')
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.database.pingCheck('postgresql', { connection: this.dataSource, timeout: CHECK_TIMEOUT_MS }),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        throw new ServiceUnavailableException('Not ready: postgresql unreachable.');
      }
      throw error;
    }
  }
}
