import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { KafkaConsumerState } from '@app/kafka';
import type { HealthProbe } from '@app/platform';

/** Whether this instance sends replies, i.e. SMTP_HOST is set. */
export const REPLIES_ENABLED = Symbol('REPLIES_ENABLED');

/**
 * The replies side of `/health`: the replies consumer's own state while replies are enabled;
 * without SMTP there is no consumer, which is a choice of configuration, not an outage, so health
 * stays up and says that replies are disabled here (another instance with SMTP sends them).
 */
@Injectable()
export class RepliesHealthProbe implements HealthProbe {
  constructor(
    @Inject(REPLIES_ENABLED) private readonly enabled: boolean,
    private readonly consumers: KafkaConsumerState,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check(): Promise<HealthIndicatorResult> {
    if (this.enabled) return this.consumers.check();
    return Promise.resolve(
      this.indicators
        .check('replies')
        .up({ state: 'disabled', reason: 'SMTP_HOST is not set: replies are not consumed here' }),
    );
  }
}
