import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { KAFKA_CLIENT, KAFKA_OPTIONS, physicalTopic, type KafkaModuleOptions } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { errorMessage } from '@app/platform';
import type { Admin, Kafka } from 'kafkajs';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../config/dashboard.config';
import { coreConsumption, lagOf, type LagReport, type TopicLag } from './consumer-lag';

/**
 * Core's consumer lag per topic, read from the broker with the admin client every few seconds:
 * every topic core consumes, each with the group that consumes it. Read-only: offsets are
 * fetched, never set.
 */
@Injectable()
export class ConsumerLagMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private admin?: Promise<Admin>;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private report: LagReport = { checkedAt: null, topics: [], error: null };

  constructor(
    @Inject(DASHBOARD_CONFIG) private readonly config: DashboardConfig,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly kafkaOptions: KafkaModuleOptions,
    private readonly metrics: GatewayMetrics,
  ) {}

  onApplicationBootstrap(): void {
    void this.loop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.disconnect();
  }

  latest(): LagReport {
    return this.report;
  }

  private async loop(): Promise<void> {
    try {
      this.report = {
        checkedAt: new Date().toISOString(),
        topics: await this.check(),
        error: null,
      };
      for (const t of this.report.topics)
        this.metrics.consumerLag.set({ group: t.group, topic: t.topic }, t.lag);
    } catch (error) {
      this.report = { ...this.report, error: errorMessage(error) };
      this.logger.warn({ error: errorMessage(error) }, 'consumer lag check failed');
      await this.disconnect();
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.loop(), this.config.lag.intervalMs);
    this.timer.unref();
  }

  private async check(): Promise<TopicLag[]> {
    const admin = await this.connected();
    const prefix = this.kafkaOptions.topicPrefix;
    const existing = new Set(await admin.listTopics());
    const wanted = coreConsumption(this.config.lag);
    const lags: TopicLag[] = [];
    for (const { group, topics } of wanted) {
      for (const topic of topics) {
        const physical = physicalTopic(prefix, topic);
        if (!existing.has(physical)) continue;
        const watermarks = await admin.fetchTopicOffsets(physical);
        const [committed] = await admin.fetchOffsets({ groupId: group, topics: [physical] });
        lags.push({
          group,
          topic,
          lag: lagOf(watermarks, committed?.partitions ?? []),
          partitions: watermarks.length,
        });
      }
    }
    return lags;
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 1 } });
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }

  private async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }
}
