import { DynamicModule, Module, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HEALTH_PROBES, type HealthProbe } from './health-probe';

@Module({})
export class HealthModule {
  /** `probes` must be providers visible to this module (exported by a global module). */
  static register(probes: Type<HealthProbe>[]): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        {
          provide: HEALTH_PROBES,
          useFactory: (...instances: HealthProbe[]) => instances,
          inject: probes,
        },
      ],
    };
  }
}
