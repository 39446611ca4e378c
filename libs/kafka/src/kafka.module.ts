import { DynamicModule, Module, type InjectionToken } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaConsumerState } from './consumer/consumer-state';
import { EventPublisher } from './event-publisher';
import { createKafkaClient } from './kafka-client.factory';
import { KafkaHealthProbe } from './kafka.health';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type KafkaModuleOptions } from './kafka.options';
import { TopicBootstrap } from './topic-bootstrap';

export interface KafkaModuleAsyncOptions {
  inject: InjectionToken[];
  useFactory: (...args: never[]) => KafkaModuleOptions;
}

@Module({})
export class KafkaModule {
  static forRootAsync(options: KafkaModuleAsyncOptions): DynamicModule {
    return {
      module: KafkaModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: KAFKA_OPTIONS, inject: options.inject, useFactory: options.useFactory },
        { provide: KAFKA_CLIENT, inject: [KAFKA_OPTIONS], useFactory: createKafkaClient },
        TopicBootstrap,
        EventPublisher,
        KafkaHealthProbe,
        KafkaConsumerState,
      ],
      exports: [
        KAFKA_OPTIONS,
        KAFKA_CLIENT,
        TopicBootstrap,
        EventPublisher,
        KafkaHealthProbe,
        KafkaConsumerState,
      ],
    };
  }
}
