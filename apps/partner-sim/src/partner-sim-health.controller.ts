import { Controller, Get } from '@nestjs/common';
import { type HealthCheckResult, HealthCheckService } from '@nestjs/terminus';

/**
 * Liveness only: the simulator has no dependencies yet (its persisted partner state comes with the
 * simulator's issue), so there is nothing for a readiness check to report.
 */
@Controller('health')
export class PartnerSimHealthController {
  constructor(private readonly health: HealthCheckService) {}

  @Get()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }
}
