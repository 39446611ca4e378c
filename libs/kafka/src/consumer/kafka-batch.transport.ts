import { Logger } from '@nestjs/common';
import { BaseRpcContext, Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { isTopicName, Topics, type TopicName } from '@app/contracts';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { EventPublisher } from '../event-publisher';
import type { KafkaModuleOptions } from '../kafka.options';
import { retryForever } from '../retry';
import type { TopicBootstrap } from '../topic-bootstrap';
import { logicalTopic, physicalTopic } from '../topic-names';
import {
  BatchProcessor,
  ConsumerStoppedError,
  type BatchProcessingOptions,
} from './batch-processor';
import type { BatchOutcome, ConsumedBatch } from './consumed-message';
import type { KafkaConsumerState } from './consumer-state';

export interface KafkaConsumerOptions extends BatchProcessingOptions {
  groupId: string;
  /**
   * The topics this consumer takes, of the app's `@EventPattern` handlers; all of them when not
   * given. An app that runs two consumers (groups) gives each its share, so a slow topic never
   * holds up the fetches of a busy one.
   */
  topics?: readonly TopicName[];
  /** Where a new consumer group starts: the oldest message (true) or new messages only. */
  fromBeginning: boolean;
  /** Partitions handled in parallel by this instance; order is kept within each partition. */
  partitionsConsumedConcurrently: number;
  sessionTimeoutMs: number;
  /**
   * Most bytes one fetch brings (KafkaJS' default is 10 MB, 1 MB a partition): a fetch is decoded
   * into memory whole, so on a backlog this is what the consumer's memory peaks at.
   */
  maxBytesPerFetch?: number;
}

/** Handlers get the topic and partition of their batch through this context. */
export class KafkaBatchContext extends BaseRpcContext<[TopicName, number]> {
  get topic(): TopicName {
    return this.args[0];
  }
  get partition(): number {
    return this.args[1];
  }
}

/**
 * A Nest microservice transport over KafkaJS that hands `@EventPattern(topic)` handlers whole
 * batches of validated messages and commits offsets only after the handler's work is durable.
 * Nest's built-in Kafka transport works message by message and commits on its own schedule;
 * core needs batches in one transaction and commit-after-commit, hence this strategy.
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchTransport.name);
  private consumer?: Consumer;
  private readonly lifetime = new AbortController();

  constructor(
    private readonly kafka: Kafka,
    private readonly kafkaOptions: KafkaModuleOptions,
    private readonly publisher: EventPublisher,
    private readonly topics: TopicBootstrap,
    private readonly state: KafkaConsumerState,
    private readonly options: KafkaConsumerOptions,
  ) {
    super();
  }

  listen(callback: () => void): void {
    // Start in the background so the HTTP side serves /health while the broker is unreachable.
    retryForever(
      () => this.start(),
      (error, attempt, wait) =>
        this.log.warn(
          { attempt, waitMs: wait, error: (error as Error).message },
          'consumer start failed, retrying',
        ),
      this.lifetime.signal,
    ).catch(() => undefined);
    callback();
  }

  async close(): Promise<void> {
    this.lifetime.abort();
    await this.consumer?.disconnect().catch(() => undefined);
    this.state.set(this.options.groupId, 'stopped');
  }

  on(): never {
    throw new Error('KafkaBatchTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private subscribedTopics(): TopicName[] {
    const patterns = [...this.messageHandlers.keys()];
    const unknown = patterns.filter((p) => !isTopicName(p));
    if (unknown.length > 0)
      throw new Error(
        `@EventPattern names topics that are not in the contracts: ${unknown.join(', ')}`,
      );
    const wanted = this.options.topics;
    if (!wanted) return patterns as TopicName[];
    const unhandled = wanted.filter((t) => !patterns.includes(t));
    if (unhandled.length > 0)
      throw new Error(
        `no @EventPattern handler for the consumer's topics: ${unhandled.join(', ')}`,
      );
    return [...wanted];
  }

  private async start(): Promise<void> {
    const topics = this.subscribedTopics();
    await this.topics.ensure([...topics, Topics.DeadLetters]);
    const prefix = this.kafkaOptions.topicPrefix;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs,
      heartbeatInterval: Math.floor(this.options.sessionTimeoutMs / 10),
      allowAutoTopicCreation: false,
      ...(this.options.maxBytesPerFetch ? { maxBytes: this.options.maxBytesPerFetch } : {}),
    });
    this.track(consumer);
    try {
      await consumer.connect();
      await consumer.subscribe({
        topics: topics.map((t) => physicalTopic(prefix, t)),
        fromBeginning: this.options.fromBeginning,
      });
      const processors = new Map(topics.map((t) => [t, this.processorFor(t)]));
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.eachBatch(consumer, processors, payload),
      });
      this.consumer = consumer;
      this.log.log({ groupId: this.options.groupId, topics }, 'consuming');
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private track(consumer: Consumer): void {
    const { GROUP_JOIN, FETCH_START, CRASH, STOP } = consumer.events;
    this.state.set(this.options.groupId, 'joining');
    let joined = false;
    consumer.on(GROUP_JOIN, ({ payload }) => {
      joined = true;
      const partitions = Object.values(payload.memberAssignment).reduce((n, p) => n + p.length, 0);
      this.state.set(this.options.groupId, 'joining', { partitions });
    });
    // The first fetch after a join means offsets are resolved: from here on nothing is missed.
    consumer.on(FETCH_START, () => {
      if (joined) this.state.set(this.options.groupId, 'consuming');
    });
    consumer.on(CRASH, ({ payload }) => {
      joined = false;
      this.state.set(this.options.groupId, 'crashed', { error: payload.error.message });
      this.log.error(
        { error: payload.error.message, restart: payload.restart },
        'consumer crashed',
      );
    });
    consumer.on(STOP, () => this.state.set(this.options.groupId, 'stopped'));
  }

  private processorFor(topic: TopicName): BatchProcessor {
    const handler = this.getHandlerByPattern(topic)!;
    return new BatchProcessor(
      this.kafkaOptions.serviceName,
      async (batch: ConsumedBatch) => {
        const context = new KafkaBatchContext([topic, batch[0].partition]);
        const result = this.transformToObservable(await handler(batch, context));
        return (await lastValueFrom(result, { defaultValue: undefined })) as BatchOutcome | void;
      },
      (letters) => this.publisher.publish(Topics.DeadLetters, letters),
      this.options,
    );
  }

  private async eachBatch(
    consumer: Consumer,
    processors: Map<TopicName, BatchProcessor>,
    payload: EachBatchPayload,
  ): Promise<void> {
    const { batch } = payload;
    const topic = logicalTopic(this.kafkaOptions.topicPrefix, batch.topic);
    try {
      await processors.get(topic)!.process(topic, batch.partition, batch.messages, {
        heartbeat: () => payload.heartbeat(),
        isRunning: () => payload.isRunning(),
        isStale: () => payload.isStale(),
        commit: async (offset) => {
          payload.resolveOffset(offset);
          await consumer.commitOffsets([
            {
              topic: batch.topic,
              partition: batch.partition,
              offset: (BigInt(offset) + 1n).toString(),
            },
          ]);
        },
      });
    } catch (error) {
      // Leaving uncommitted is the point: the next owner of the partition takes it from there.
      if (error instanceof ConsumerStoppedError) return;
      throw error;
    }
  }
}
