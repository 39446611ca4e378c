import { Inject, Injectable, Logger } from '@nestjs/common';
import { KAFKA_CLIENT, KAFKA_OPTIONS, measureGroupLag, type KafkaModuleOptions } from '@app/kafka';
import { GatewayMetrics } from '@app/metrics';
import { errorMessage, PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import type { Admin, Kafka } from 'kafkajs';
import { DASHBOARD_CONFIG, type DashboardConfig } from '../config/dashboard.config';
import { coreConsumption, type LagReport } from './consumer-lag';

/**
 * Core's consumer lag per topic, read from the broker with the admin client every few seconds:
 * every topic core consumes, each with the group that consumes it. Read-only: offsets are
 * fetched, never set.
 */
@Injectable()
export class ConsumerLagMonitor extends PeriodicJob {
  protected readonly logger = new Logger(ConsumerLagMonitor.name);
  private admin?: Promise<Admin>;
  private report: LagReport = { checkedAt: null, topics: [], error: null };

  constructor(
    @Inject(DASHBOARD_CONFIG) private readonly config: DashboardConfig,
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(KAFKA_OPTIONS) private readonly kafkaOptions: KafkaModuleOptions,
    private readonly metrics: GatewayMetrics,
  ) {
    super();
  }

  latest(): LagReport {
    return this.report;
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    await this.disconnect();
  }

  protected schedule(): PeriodicTaskOptions {
    return {
      failure: 'consumer lag check failed',
      everyMs: this.config.lag.intervalMs,
      unref: true,
      runAtStart: true,
    };
  }

  /** A failed check keeps the previous figures and says why; the next one reconnects. */
  protected async round(): Promise<void> {
    try {
      const admin = await this.connected();
      const topics = await measureGroupLag(
        admin,
        this.kafkaOptions.topicPrefix,
        coreConsumption(this.config.lag),
      );
      this.report = { checkedAt: new Date().toISOString(), topics, error: null };
      for (const t of topics)
        this.metrics.consumerLag.set({ group: t.group, topic: t.topic }, t.lag);
    } catch (error) {
      this.report = { ...this.report, error: errorMessage(error) };
      await this.disconnect();
      throw error;
    }
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
