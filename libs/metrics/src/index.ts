export * from './gateway-metrics';
export * from './metrics.controller';
export * from './metrics.module';
