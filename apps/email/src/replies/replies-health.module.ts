import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { REPLIES_ENABLED, RepliesHealthProbe } from './replies-health.probe';

/** Global only because HealthModule takes its probes from global modules. */
@Module({})
export class RepliesHealthModule {
  static forRoot(enabled: boolean): DynamicModule {
    return {
      module: RepliesHealthModule,
      global: true,
      imports: [TerminusModule],
      providers: [{ provide: REPLIES_ENABLED, useValue: enabled }, RepliesHealthProbe],
      exports: [RepliesHealthProbe],
    };
  }
}
