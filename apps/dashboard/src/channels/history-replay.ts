import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Topics } from '@app/contracts';
import {
  KAFKA_CLIENT,
  KAFKA_OPTIONS,
  physicalTopic,
  retryForever,
  type KafkaModuleOptions,
} from '@app/kafka';
import { errorMessage } from '@app/platform';
import type { Kafka } from 'kafkajs';

/**
 * Whether this instance has read the health topic up to where it stood at start-up. Until then the
 * board is still being rebuilt (rows look down only because their latest beats are not read yet),
 * and the page says so instead of alarming anyone.
 */
@Injectable()
export class HistoryReplay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HistoryReplay.name);
  private readonly lifetime = new AbortController();
  /** Offset to reach per partition: the high watermark at start-up. */
  private targets?: Map<number, bigint>;
  private readonly reached = new Map<number, bigint>();
  private done = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    retryForever(
      () => this.fetchTargets(),
      (error, attempt) =>
        this.logger.warn({ attempt, error: errorMessage(error) }, 'health topic offsets unknown'),
      this.lifetime.signal,
    ).catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.lifetime.abort();
  }

  get ready(): boolean {
    if (this.done) return true;
    if (!this.targets) return false;
    for (const [partition, high] of this.targets)
      if ((this.reached.get(partition) ?? 0n) < high) return false;
    this.done = true;
    return true;
  }

  consumed(partition: number, offset: string): void {
    const next = BigInt(offset) + 1n;
    if (next > (this.reached.get(partition) ?? 0n)) this.reached.set(partition, next);
  }

  private async fetchTargets(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const topic = physicalTopic(this.options.topicPrefix, Topics.ChannelHealth);
      const offsets = await admin.fetchTopicOffsets(topic);
      this.targets = new Map(
        offsets
          .filter((o) => BigInt(o.high) > BigInt(o.low))
          .map((o) => [o.partition, BigInt(o.high)]),
      );
    } finally {
      await admin.disconnect();
    }
  }
}
