import type { INestApplication } from '@nestjs/common';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { EventPublisher } from '../event-publisher';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type KafkaModuleOptions } from '../kafka.options';
import { TopicBootstrap } from '../topic-bootstrap';
import { KafkaConsumerState } from './consumer-state';
import { KafkaBatchTransport, type KafkaConsumerOptions } from './kafka-batch.transport';

/**
 * Connects the app's `@KafkaConsumer()` classes to Kafka (a hybrid HTTP + Kafka Nest app); they
 * start consuming at `app.startAllMicroservices()`.
 */
export function connectKafkaConsumer(app: INestApplication, options: KafkaConsumerOptions): void {
  const transport = new KafkaBatchTransport(
    app.get<Kafka>(KAFKA_CLIENT),
    app.get<KafkaModuleOptions>(KAFKA_OPTIONS),
    app.get(EventPublisher),
    app.get(TopicBootstrap),
    app.get(KafkaConsumerState),
    options,
  );
  app.connectMicroservice<MicroserviceOptions>({ strategy: transport });
}
