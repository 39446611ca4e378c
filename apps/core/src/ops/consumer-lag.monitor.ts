import { Inject, Injectable, Logger } from '@nestjs/common';
import { ALL_TOPICS } from '@app/contracts';
import { KAFKA_CLIENT, KAFKA_OPTIONS, physicalTopic, type KafkaModuleOptions } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import type { Admin, Kafka } from 'kafkajs';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';

export interface ConsumerLag {
  /** Core's intake group (CORE_CONSUMER_GROUP). */
  groupId: string;
  at: string;
  /** Messages on each topic core consumes that the group consuming it has not committed yet. */
  topics: { topic: string; lag: number; groupId: string }[];
}

/**
 * Measures core's consumer lag per topic (end offsets minus the group's committed offsets) into
 * the `gateway_consumer_lag` gauge. Workers that look alive while the backlog grows are the
 * failure the dashboard must show, and only the broker knows the backlog.
 */
@Injectable()
export class ConsumerLagMonitor extends PeriodicJob {
  protected readonly logger = new Logger(ConsumerLagMonitor.name);
  private admin?: Promise<Admin>;

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly kafkaOptions: KafkaModuleOptions,
    private readonly metrics: GatewayMetrics,
  ) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return {
      failure: 'measuring consumer lag failed',
      everyMs: this.config.ops.consumerLagIntervalMs,
    };
  }

  protected round(): Promise<unknown> {
    return this.measure();
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
  }

  async measure(): Promise<ConsumerLag> {
    const admin = await this.connect();
    const { groupId, customerSideGroupId } = this.config.consumer;
    const prefix = this.kafkaOptions.topicPrefix;
    const existing = new Set(await admin.listTopics());
    const topics = ALL_TOPICS.map((topic) => ({
      topic,
      physical: physicalTopic(prefix, topic),
    })).filter((t) => existing.has(t.physical));
    // A topic's end offsets are the same for both groups: asked for once per measurement.
    const ends = new Map<string, ReturnType<Admin['fetchTopicOffsets']>>();
    const endsOf = (physical: string) => {
      if (!ends.has(physical)) ends.set(physical, admin.fetchTopicOffsets(physical));
      return ends.get(physical)!;
    };
    const result: ConsumerLag = { groupId, at: new Date().toISOString(), topics: [] };
    for (const group of [groupId, customerSideGroupId]) {
      const committed = await admin.fetchOffsets({
        groupId: group,
        topics: topics.map((t) => t.physical),
      });
      for (const { topic, physical } of topics) {
        const offsets = committed.find((c) => c.topic === physical);
        // A topic the group never committed on is one it does not consume.
        if (!offsets || offsets.partitions.every((p) => p.offset === '-1')) continue;
        const lag = lagOf(await endsOf(physical), offsets);
        this.metrics.consumerLag.set({ group, topic }, lag);
        result.topics.push({ topic, lag, groupId: group });
      }
    }
    return result;
  }

  private connect(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}

function lagOf(
  ends: readonly { partition: number; high: string; low: string }[],
  committed: { partitions: readonly { partition: number; offset: string }[] },
): number {
  let lag = 0;
  for (const end of ends) {
    const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
    const from = at === '-1' ? BigInt(end.low) : BigInt(at);
    const behind = BigInt(end.high) - from;
    if (behind > 0n) lag += Number(behind);
  }
  return lag;
}
