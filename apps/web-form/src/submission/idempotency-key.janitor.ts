import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { IdempotencyKeyRepository } from './idempotency-key.repository';

const EVERY_MS = 15 * 60 * 1000;

/** Deletes expired idempotency keys so the table stays as small as a day of submissions. */
@Injectable()
export class IdempotencyKeyJanitor extends PeriodicJob {
  protected readonly logger = new Logger(IdempotencyKeyJanitor.name);

  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly keys: IdempotencyKeyRepository,
  ) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return { failure: 'idempotency key sweep failed', everyMs: EVERY_MS, unref: true };
  }

  protected async round(): Promise<void> {
    const removed = await this.keys.deleteExpired(this.config.idempotencyTtlHours);
    if (removed > 0) this.logger.log({ removed }, 'expired idempotency keys removed');
  }
}
