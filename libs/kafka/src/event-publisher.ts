import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { keyFor, validatePayload, type TopicName, type TopicPayload } from '@app/contracts';
import { Partitioners, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { KafkaException } from './kafka.exception';
import { KAFKA_CLIENT, KAFKA_OPTIONS, type KafkaModuleOptions } from './kafka.options';
import { retryForever, withTimeout } from './retry';
import { TopicBootstrap } from './topic-bootstrap';
import { physicalTopic } from './topic-names';

export interface Publication<T extends TopicName = TopicName> {
  topic: T;
  payload: TopicPayload<T>;
}

/** A payload already checked and serialized by `serialize`, ready for the broker. */
export interface OutgoingMessage {
  topic: TopicName;
  key: string;
  value: string;
}

/**
 * The only way anything reaches Kafka: every payload is checked against its contract, keyed by
 * the contract's key, and written by an idempotent producer with acks=all. A publish either
 * resolves (the broker has it, replicated) or rejects with a retriable `KafkaException` within
 * the configured timeout, so HTTP adapters can answer 503 instead of hanging.
 */
@Injectable()
export class EventPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);
  private readonly producer: Producer;
  private connection?: Promise<void>;
  private readonly lifetime = new AbortController();

  constructor(
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaModuleOptions,
    private readonly topics: TopicBootstrap,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded so a publish fails (and the caller can say so) instead of retrying for ever.
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 3_000 },
    });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connection = undefined;
    });
  }

  onApplicationBootstrap(): void {
    // Topics are created in the background: an app whose broker is down still starts, reports
    // itself unhealthy and answers 503, rather than refusing to start.
    retryForever(
      () => this.topics.ensure(this.options.topics),
      (error, attempt, wait) =>
        this.logger.warn(
          { attempt, waitMs: wait, error: (error as Error).message },
          'topic bootstrap failed, retrying',
        ),
      this.lifetime.signal,
    ).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.lifetime.abort();
    await this.producer.disconnect().catch(() => undefined);
  }

  publish<T extends TopicName>(
    topic: T,
    payloads: TopicPayload<T> | readonly TopicPayload<T>[],
  ): Promise<void> {
    const list = (Array.isArray(payloads) ? payloads : [payloads]) as TopicPayload<T>[];
    return this.publishAll(list.map((payload) => ({ topic, payload })));
  }

  /** Publishes to several topics in one request. */
  async publishAll(publications: readonly Publication[]): Promise<void> {
    await this.sendGrouped(
      publications.map(({ topic, payload }) => ({ topic, ...this.serialize(topic, payload) })),
    );
  }

  /**
   * Publishes payloads that were validated when they were written down: the transactional outbox
   * checks every event against its contract in the transaction that records it, and relays the
   * stored JSON here untouched (parsing and re-validating thousands of events a second bought
   * nothing but CPU).
   */
  async publishPrevalidated(entries: readonly OutgoingMessage[]): Promise<void> {
    await this.sendGrouped(entries);
  }

  private async sendGrouped(entries: readonly OutgoingMessage[]): Promise<void> {
    if (entries.length === 0) return;
    const byTopic = new Map<TopicName, Message[]>();
    for (const { topic, key, value } of entries) {
      const messages = byTopic.get(topic) ?? [];
      messages.push({
        key,
        value,
        headers: { 'content-type': 'application/json', producer: this.options.serviceName },
      });
      byTopic.set(topic, messages);
    }
    const topicMessages: TopicMessages[] = [...byTopic].map(([topic, messages]) => ({
      topic: physicalTopic(this.options.topicPrefix, topic),
      messages,
    }));
    const send = async () => {
      await this.connect();
      await this.producer.sendBatch({ topicMessages, acks: -1 });
    };
    try {
      await withTimeout(
        send(),
        this.options.publishTimeoutMs,
        () => new Error(`no acknowledgement within ${this.options.publishTimeoutMs} ms`),
      );
    } catch (error) {
      throw new KafkaException(
        'publish_failed',
        `publishing to Kafka failed: ${(error as Error).message}`,
        true,
        undefined,
        { cause: error },
      );
    }
  }

  /** The contract's check and key: what every payload goes through once before Kafka. */
  serialize<T extends TopicName>(topic: T, payload: unknown): { key: string; value: string } {
    const checked = validatePayload(topic, payload);
    if (!checked.ok) {
      throw new KafkaException(
        'contract_violation',
        `payload for ${topic} breaks its contract`,
        false,
        checked.issues,
      );
    }
    return { key: keyFor(topic, checked.value), value: JSON.stringify(checked.value) };
  }

  private connect(): Promise<void> {
    this.connection ??= this.producer.connect().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }
}
