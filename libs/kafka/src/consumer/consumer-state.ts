import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { HealthProbe } from '@app/platform';

export type ConsumerPhase = 'starting' | 'joining' | 'consuming' | 'crashed' | 'stopped';

interface ConsumerStatus {
  phase: ConsumerPhase;
  partitions: number;
  lastError?: string;
}

/**
 * What each of this instance's consumers (one per consumer group) is doing. An app whose HTTP
 * side answers while a consumer is not consuming is the failure ops miss most easily, so health
 * is up only while every one of them consumes.
 */
@Injectable()
export class KafkaConsumerState implements HealthProbe {
  private readonly consumers = new Map<string, ConsumerStatus>();

  constructor(private readonly indicators: HealthIndicatorService) {}

  set(
    groupId: string,
    phase: ConsumerPhase,
    details: { error?: string; partitions?: number } = {},
  ): void {
    const before = this.consumers.get(groupId);
    const lastError = details.error ?? before?.lastError;
    this.consumers.set(groupId, {
      phase,
      partitions: details.partitions ?? before?.partitions ?? 0,
      ...(lastError === undefined ? {} : { lastError }),
    });
  }

  check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('kafka-consumer');
    const statuses = [...this.consumers.values()];
    const phase: ConsumerPhase =
      statuses.length === 0
        ? 'starting'
        : (statuses.find((s) => s.phase !== 'consuming')?.phase ?? 'consuming');
    const lastError = statuses.find((s) => s.lastError)?.lastError;
    const data = {
      phase,
      partitions: statuses.reduce((n, s) => n + s.partitions, 0),
      ...(lastError ? { lastError } : {}),
      // Per group only when there are several: one consumer's health reads as before.
      ...(statuses.length > 1 ? { groups: Object.fromEntries(this.consumers) } : {}),
    };
    return Promise.resolve(phase === 'consuming' ? session.up(data) : session.down(data));
  }
}
