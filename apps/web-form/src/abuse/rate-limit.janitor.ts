import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { RateLimitRepository } from './rate-limit.repository';

const EVERY_MS = 10 * 60 * 1000;

/**
 * Deletes the windows that have ended, so client addresses are kept no longer than the limit
 * needs them (they are personal data) and the table stays small. Any instance may sweep.
 */
@Injectable()
export class RateLimitJanitor extends PeriodicJob {
  protected readonly logger = new Logger(RateLimitJanitor.name);

  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly windows: RateLimitRepository,
  ) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return { failure: 'rate limit sweep failed', everyMs: EVERY_MS, unref: true };
  }

  protected async round(): Promise<void> {
    const longest = Math.max(
      this.config.rateLimit.windowSeconds,
      this.config.trackRateLimit.windowSeconds,
    );
    const removed = await this.windows.deleteEnded(longest);
    if (removed > 0) this.logger.log({ removed }, 'ended rate limit windows removed');
  }
}
