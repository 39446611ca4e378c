import { DynamicModule, Module } from '@nestjs/common';
import { GatewayMetrics } from './gateway-metrics';
import { METRICS_OPTIONS, MetricsController, type MetricsOptions } from './metrics.controller';

@Module({})
export class MetricsModule {
  static forRoot(options: MetricsOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_OPTIONS, useValue: options }, GatewayMetrics],
      exports: [GatewayMetrics],
    };
  }
}
