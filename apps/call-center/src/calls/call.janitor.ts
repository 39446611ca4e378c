import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import { CALL_CENTER_CONFIG, type CallCenterConfig } from '../config/call-center.config';
import { CallRepository } from './call.repository';

const EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets calls past the retention, so the table stays as small as a month of calls. A call
 * redelivered after that still gets its case's reference (same messageId, core knows the call id);
 * only a changed body is no longer told apart.
 */
@Injectable()
export class CallJanitor extends PeriodicJob {
  protected readonly logger = new Logger(CallJanitor.name);

  constructor(
    @Inject(CALL_CENTER_CONFIG) private readonly config: CallCenterConfig,
    private readonly calls: CallRepository,
  ) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return { failure: 'call retention sweep failed', everyMs: EVERY_MS, unref: true };
  }

  protected async round(): Promise<void> {
    const removed = await this.calls.deleteOlderThan(this.config.callRetentionDays);
    if (removed > 0) this.logger.log({ removed }, 'calls past retention forgotten');
  }
}
