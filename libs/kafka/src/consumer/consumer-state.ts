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
    const status = this.consumers.get(groupId) ?? { phase, partitions: 0 };
    status.phase = phase;
    if (details.error !== undefined) status.lastError = details.error;
    if (details.partitions !== undefined) status.partitions = details.partitions;
    this.consumers.set(groupId, status);
  }

  phaseOf(groupId: string): ConsumerPhase {
    return this.consumers.get(groupId)?.phase ?? 'starting';
  }

  check(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('kafka-consumer');
    const all = [...this.consumers.entries()];
    const phases = all.map(([, s]) => s.phase);
    const phase: ConsumerPhase =
      phases.length === 0 ? 'starting' : (phases.find((p) => p !== 'consuming') ?? 'consuming');
    const lastError = all.map(([, s]) => s.lastError).find(Boolean);
    const data = {
      phase,
      partitions: all.reduce((n, [, s]) => n + s.partitions, 0),
      ...(lastError ? { lastError } : {}),
      // Per group only when there are several: one consumer's health reads as before.
      ...(all.length > 1 ? { groups: Object.fromEntries(all) } : {}),
    };
    return Promise.resolve(phase === 'consuming' ? session.up(data) : session.down(data));
  }
}
