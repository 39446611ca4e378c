import { Inject, Injectable, Logger } from '@nestjs/common';
import { CORE_CONSUMPTION } from '@app/contracts';
import { KAFKA_CLIENT, KAFKA_OPTIONS, measureGroupLag, type KafkaModuleOptions } from '@app/kafka';
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
    const { groupId, customerSideGroupId } = this.config.consumer;
    const lags = await measureGroupLag(await this.connect(), this.kafkaOptions.topicPrefix, [
      { group: groupId, topics: CORE_CONSUMPTION.intake },
      { group: customerSideGroupId, topics: CORE_CONSUMPTION.customerSide },
    ]);
    for (const { group, topic, lag } of lags) this.metrics.consumerLag.set({ group, topic }, lag);
    return {
      groupId,
      at: new Date().toISOString(),
      topics: lags.map(({ topic, lag, group }) => ({ topic, lag, groupId: group })),
    };
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
