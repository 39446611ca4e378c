import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { PeriodicTask } from '@app/platform';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { IdempotencyKeyRepository } from './idempotency-key.repository';

const EVERY_MS = 15 * 60 * 1000;

/** Deletes expired idempotency keys so the table stays as small as a day of submissions. */
@Injectable()
export class IdempotencyKeyJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeyJanitor.name);
  private readonly task = new PeriodicTask(
    this.logger,
    { failure: 'idempotency key sweep failed', everyMs: EVERY_MS, unref: true },
    () => this.sweep(),
  );

  constructor(
    @Inject(WEB_FORM_CONFIG) private readonly config: WebFormConfig,
    private readonly keys: IdempotencyKeyRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  private async sweep(): Promise<void> {
    const removed = await this.keys.deleteExpired(this.config.idempotencyTtlHours);
    if (removed > 0) this.logger.log({ removed }, 'expired idempotency keys removed');
  }
}
