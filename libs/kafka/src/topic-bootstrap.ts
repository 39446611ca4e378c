import { Inject, Injectable, Logger } from '@nestjs/common';
import type { TopicName } from '@app/contracts';
import type { Kafka } from 'kafkajs';
import {
  KAFKA_CLIENT,
  KAFKA_OPTIONS,
  TOPIC_CONFIG,
  type KafkaModuleOptions,
} from './kafka.options';
import { physicalTopic } from './topic-names';

/**
 * Creates the app's topics with the configured partitions and replication, and grows the
 * partitions of existing topics that have fewer (Kafka cannot shrink them). Idempotent and safe
 * when several apps start together.
 */
@Injectable()
export class TopicBootstrap {
  private readonly logger = new Logger(TopicBootstrap.name);
  private readonly done = new Set<TopicName>();
  /** Calls are serialized: two racing createTopics for the same topic only produce broker errors. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {}

  ensure(topics: readonly TopicName[]): Promise<void> {
    const run = this.queue.then(() => this.ensureNow(topics));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async ensureNow(topics: readonly TopicName[]): Promise<void> {
    const pending = [...new Set(topics)].filter((t) => !this.done.has(t));
    if (pending.length === 0) return;
    const { topicPrefix: prefix, topicPartitions: partitions, replicationFactor } = this.options;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = pending.filter((t) => !existing.has(physicalTopic(prefix, t)));
      if (missing.length > 0) {
        // Another app may create the same topics at the same moment: "already exists" is success.
        await admin
          .createTopics({
            waitForLeaders: true,
            topics: missing.map((t) => ({
              topic: physicalTopic(prefix, t),
              numPartitions: partitions,
              replicationFactor,
              configEntries: Object.entries(TOPIC_CONFIG[t] ?? {}).map(([name, value]) => ({
                name,
                value,
              })),
            })),
          })
          .catch((error: { errors?: { type?: string }[] }) => {
            if (!error.errors?.every((e) => e.type === 'TOPIC_ALREADY_EXISTS')) throw error;
          });
        this.logger.log({ topics: missing, partitions }, 'created topics');
      }
      const metadata = await admin.fetchTopicMetadata({
        topics: pending.map((t) => physicalTopic(prefix, t)),
      });
      const grow = metadata.topics.filter((t) => t.partitions.length < partitions);
      if (grow.length > 0) {
        await admin.createPartitions({
          topicPartitions: grow.map((t) => ({ topic: t.name, count: partitions })),
        });
        this.logger.log({ topics: grow.map((t) => t.name), partitions }, 'grew topic partitions');
      }
      pending.forEach((t) => this.done.add(t));
    } finally {
      await admin.disconnect();
    }
  }
}
