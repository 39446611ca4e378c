import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { regionScope, type Principal } from '../auth/principal';
import { Authenticated, CurrentPrincipal } from '../auth/roles.decorator';
import { ConsumerLagMonitor, type ConsumerLag } from '../ops/consumer-lag.monitor';
import type { SlaStatsResponse } from './dto/sla-stats.response';
import { GetSlaStats } from './usecases/get-sla-stats.usecase';

@ApiTags('stats')
@Controller('api/v1/stats')
@Authenticated()
export class StatsController {
  constructor(
    private readonly getSlaStats: GetSlaStats,
    private readonly lag: ConsumerLagMonitor,
  ) {}

  @Get('sla')
  sla(@CurrentPrincipal() principal: Principal): Promise<SlaStatsResponse> {
    return this.getSlaStats.execute(regionScope(principal));
  }

  /** Core's consumer lag per topic, measured now (which also updates the gateway_consumer_lag gauge). */
  @Get('consumer-lag')
  consumerLag(): Promise<ConsumerLag> {
    return this.lag.measure();
  }
}
