import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { HealthProbe } from '@app/platform';

export type ConsumerPhase = 'starting' | 'joining' | 'consuming' | 'crashed' | 'stopped';

/**
 * What this instance's consumer is doing. An app whose HTTP side answers while its consumer is
 * not consuming is the failure ops miss most easily, so health reports it.
 */
@Injectable()
export class KafkaConsumerState implements HealthProbe {
  private phase: ConsumerPhase = 'starting';
  private lastError?: string;
  private partitions = 0;

  constructor(private readonly indicators: HealthIndicatorService) {}

  set(phase: ConsumerPhase, details: { error?: string; partitions?: number } = {}): void {
    this.phase = phase;
    if (details.error !== undefined) this.lastError = details.error;
    if (details.partitions !== undefined) this.partitions = details.partitions;
  }

  get current(): ConsumerPhase {
    return this.phase;
  }

  check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('kafka-consumer');
    const data = {
      phase: this.phase,
      partitions: this.partitions,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
    return Promise.resolve(this.phase === 'consuming' ? session.up(data) : session.down(data));
  }
}
