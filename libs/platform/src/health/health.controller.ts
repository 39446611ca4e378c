import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { HEALTH_PROBES, type HealthProbe } from './health-probe';

/**
 * Liveness and readiness in one: 200 when every dependency answers, 503 naming the one that does
 * not. Open without a token so load balancers can call it; it reveals no configuration.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_PROBES) private readonly probes: HealthProbe[],
  ) {}

  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult> {
    try {
      return await this.health.check(this.probes.map((probe) => () => probe.check()));
    } catch (error) {
      // Terminus reports "down" by throwing; an unhealthy dependency is an answer, not an error.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
