import { Injectable } from '@nestjs/common';
import { Topics, type CaseEventOf } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { resolutionDelayEvent } from '../../cases/case-events';
import { CaseHistoryRepository } from '../../cases/case-history.repository';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { ResolutionDelayRepository } from '../resolution-delay.repository';

/**
 * The resolution target will be missed (its SLA warning, or the breach when no warning came):
 * the manager is reminded, once, to give the customer a reason and a new date
 * (`POST /api/v1/cases/:reference/resolution-delay`). The reminder is on the case's history and
 * on cases.events.v1 for the dashboard and any mailer.
 */
@Injectable()
export class RemindResolutionDelay {
  constructor(
    private readonly delays: ResolutionDelayRepository,
    private readonly history: CaseHistoryRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(
    em: EntityManager,
    event: CaseEventOf<'sla.warning'> | CaseEventOf<'sla.breached'>,
    now: Date,
  ): Promise<boolean> {
    if (event.data.target !== 'resolution') return false;
    const asked = await this.delays.markAsked(em, event.caseId, now);
    if (!asked) return false;
    await this.history.append(em, [
      {
        caseId: event.caseId,
        at: now,
        kind: 'resolution_delay_reminder',
        actor: 'core',
        details: {
          managerId: asked.managerId,
          regionCode: asked.regionCode,
          resolutionDueAt: asked.resolutionDueAt.toISOString(),
        },
      },
    ]);
    const reminder = resolutionDelayEvent({ id: event.caseId, reference: asked.reference }, now, {
      phase: 'reminder',
      resolutionDueAt: asked.resolutionDueAt.toISOString(),
      regionCode: asked.regionCode,
      managerId: asked.managerId,
    });
    await this.outbox.enqueue(em, Topics.CaseEvents, [reminder]);
    return true;
  }
}
