import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { errorMessage } from '@app/platform';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { IdempotencyKeyRepository } from './idempotency-key.repository';

const EVERY_MS = 15 * 60 * 1000;

/** Deletes expired idempotency keys so the table stays as small as a day of submissions. */
@Injectable()
export class IdempotencyKeyJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeyJanitor.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly keys: IdempotencyKeyRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.keys.deleteExpired(this.config.idempotencyTtlHours);
      if (removed > 0) this.logger.log({ removed }, 'expired idempotency keys removed');
    } catch (error) {
      this.logger.warn({ error: errorMessage(error) }, 'idempotency key sweep failed');
    }
  }
}
