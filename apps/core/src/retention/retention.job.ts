import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicTask } from '@app/platform';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { PurgeExpiredPayloads } from './usecases/purge-expired-payloads.usecase';

/** Runs the retention purge every RETENTION_CHECK_INTERVAL_MS; instances share work by row locks. */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionJob.name);
  // Made at bootstrap: its interval comes from the injected config.
  private task?: PeriodicTask;

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly purge: PurgeExpiredPayloads,
  ) {}

  onApplicationBootstrap(): void {
    this.task = new PeriodicTask(
      this.logger,
      {
        failure: 'retention purge failed',
        everyMs: this.config.customer.retention.checkIntervalMs,
      },
      async () => {
        const done = await this.purge.execute();
        if (done.messages > 0) this.logger.log(done, 'retention purged payloads');
      },
    );
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }
}
