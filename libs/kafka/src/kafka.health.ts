import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { HealthProbe } from '@app/platform';
import type { Admin, Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.options';

/** Kafka is up when the cluster answers a metadata request within 3 s. */
@Injectable()
export class KafkaHealthProbe implements HealthProbe, OnApplicationShutdown {
  private admin?: Promise<Admin>;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(): Promise<HealthIndicatorResult> {
    return Promise.resolve(
      this.indicators
        .check('kafka')
        .attempt(async () => {
          try {
            const cluster = await (await this.connected()).describeCluster();
            return { brokers: cluster.brokers.length };
          } catch (error) {
            await this.reset();
            throw error;
          }
        })
        .withTimeout(3_000)
        .cacheFor(1_000),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      return admin;
    })();
    return this.admin;
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.then((a) => a.disconnect()).catch(() => undefined);
  }
}
