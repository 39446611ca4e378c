import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { KAFKA_CLIENT, withTimeout } from '@app/kafka';
import { errorMessage } from '@app/platform';
import type { Kafka } from 'kafkajs';
import { DASHBOARD_INSTANCE, type DashboardInstance } from './board.providers';

/**
 * Each start makes a consumer group of its own; a stopping instance deletes it, so restarts do
 * not leave groups behind on the broker (the broker would drop them after its offset retention
 * anyway, e.g. when the process is killed).
 */
@Injectable()
export class HealthGroupCleanup implements OnApplicationShutdown {
  private readonly logger = new Logger(HealthGroupCleanup.name);

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(DASHBOARD_INSTANCE) private readonly instance: DashboardInstance,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await withTimeout(
        (async () => {
          await admin.connect();
          await admin.deleteGroups([this.instance.healthGroupId]);
        })(),
        5_000,
        () => new Error('timed out'),
      );
    } catch (error) {
      this.logger.debug({ error: errorMessage(error) }, 'consumer group not deleted');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
