import { DynamicModule, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { ADAPTER_KIT_OPTIONS, type AdapterKitOptions } from './adapter-kit.options';
import { CheckpointRepository } from './checkpoint/checkpoint.repository';
import { ChannelHealthReporter } from './health/channel-health.reporter';
import { LeaseRepository } from './lease/lease.repository';
import { ReferenceWaiter } from './references/reference-waiter';
import { SentReplyRepository } from './replies/sent-reply.repository';

/**
 * What every channel adapter shares. Needs the app's KafkaModule and DatabaseModule, and the
 * adapter kit's migration in the app's migration list.
 */
@Module({})
export class AdapterKitModule {
  static forRoot(
    options: Omit<AdapterKitOptions, 'instanceId'> & { instanceId?: string },
  ): DynamicModule {
    const resolved: AdapterKitOptions = {
      ...options,
      instanceId:
        options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    };
    return {
      module: AdapterKitModule,
      global: true,
      providers: [
        { provide: ADAPTER_KIT_OPTIONS, useValue: resolved },
        ChannelHealthReporter,
        LeaseRepository,
        CheckpointRepository,
        SentReplyRepository,
        ReferenceWaiter,
      ],
      exports: [
        ADAPTER_KIT_OPTIONS,
        ChannelHealthReporter,
        LeaseRepository,
        CheckpointRepository,
        SentReplyRepository,
        ReferenceWaiter,
      ],
    };
  }
}
