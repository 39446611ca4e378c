import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { PurgeExpiredPayloads } from './usecases/purge-expired-payloads.usecase';

/** Runs the retention purge every RETENTION_CHECK_INTERVAL_MS; instances share work by row locks. */
@Injectable()
export class RetentionJob extends PeriodicJob {
  protected readonly logger = new Logger(RetentionJob.name);

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly purge: PurgeExpiredPayloads,
  ) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return {
      failure: 'retention purge failed',
      everyMs: this.config.customer.retention.checkIntervalMs,
    };
  }

  protected async round(): Promise<void> {
    const done = await this.purge.execute();
    if (done.messages > 0) this.logger.log(done, 'retention purged payloads');
  }
}
