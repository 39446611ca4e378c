import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { GatewayMetrics } from '@app/metrics';
import { PeriodicJob, type PeriodicTaskOptions } from '@app/platform';
import { DataSource } from 'typeorm';
import { slaEvent } from '../cases/case-events';
import { CaseHistoryRepository } from '../cases/case-history.repository';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxRepository } from '../outbox/outbox.repository';
import { slaStep } from './sla-transitions';
import { SlaRepository } from './sla.repository';

const BATCH = 500;

/**
 * Watches every open case's SLA clock: at 80% of a target's working time it emits `sla.warning`,
 * past the deadline `sla.breached` and marks the case escalated. Each case is handled by one
 * instance (row locks), and a flag per target makes every warning and breach happen once.
 */
@Injectable()
export class SlaMonitor extends PeriodicJob {
  protected readonly logger = new Logger(SlaMonitor.name);

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly clocks: SlaRepository,
    private readonly history: CaseHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly metrics: GatewayMetrics,
  ) {
    super();
  }

  protected schedule(): PeriodicTaskOptions {
    return { failure: 'SLA check failed', everyMs: this.config.sla.checkIntervalMs };
  }

  protected round(): Promise<unknown> {
    return this.tick();
  }

  /** Handles everything due at `now`; returns how many warnings and breaches it emitted. */
  async tick(now: Date = new Date()): Promise<number> {
    let emitted = 0;
    for (;;) {
      const { handled, transitions } = await this.dataSource.transaction(async (em) => {
        const due = await this.clocks.lockDue(em, now, BATCH);
        const events = [];
        const history = [];
        const saved = [];
        for (const clock of due) {
          const step = slaStep(clock.targets, now);
          const breached = step.transitions.some((t) => t.kind === 'sla.breached');
          for (const t of step.transitions) {
            this.metrics.slaEvents.inc({ kind: t.kind, target: t.target });
            events.push(slaEvent(t.kind, clock, t.target, t.dueAt, now));
            history.push({
              caseId: clock.id,
              at: now,
              kind: t.kind.replace('.', '_'),
              actor: 'core',
              details: { target: t.target, dueAt: t.dueAt.toISOString() },
            });
          }
          if (breached && !clock.escalatedAt)
            history.push({
              caseId: clock.id,
              at: now,
              kind: 'escalated',
              actor: 'core',
              details: {},
            });
          saved.push({
            id: clock.id,
            targets: step.states,
            escalatedAt: clock.escalatedAt ?? (breached ? now : null),
            nextCheckAt: step.nextCheckAt,
          });
        }
        await this.clocks.save(em, saved);
        await this.history.append(em, history);
        await this.outbox.enqueue(em, Topics.CaseEvents, events);
        return { handled: due.length, transitions: events.length };
      });
      emitted += transitions;
      if (transitions > 0) this.relay.wake();
      if (handled < BATCH) return emitted;
    }
  }
}
