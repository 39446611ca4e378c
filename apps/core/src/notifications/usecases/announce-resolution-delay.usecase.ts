import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { DataSource } from 'typeorm';
import { resolutionDelayEvent } from '../../cases/case-events';
import { CaseHistoryRepository } from '../../cases/case-history.repository';
import { caseNotFound, ownReference } from '../../cases/case-reference';
import { CaseRepository } from '../../cases/case.repository';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import { OutboxRelay } from '../../outbox/outbox.relay';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { CustomerReplyWriter } from '../customer-reply.writer';
import type { ResolutionDelayRequest, ResolutionDelayResponse } from '../dto/resolution-delay.dto';
import { NotificationException } from '../notifications.exception';
import { ReplyContextRepository } from '../reply-context.repository';
import { ResolutionDelayRepository } from '../resolution-delay.repository';

/**
 * The manager says why the case cannot be resolved in time and when it will be: recorded on the
 * case (the tracking page shows both), announced on cases.events.v1, and told to the customer on
 * their channel.
 */
@Injectable()
export class AnnounceResolutionDelay {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly delays: ResolutionDelayRepository,
    private readonly contexts: ReplyContextRepository,
    private readonly writer: CustomerReplyWriter,
    private readonly history: CaseHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async execute(
    input: string,
    request: ResolutionDelayRequest,
    by: { name: string; regionScope: string | null },
  ): Promise<ResolutionDelayResponse> {
    const reference = ownReference(input, this.config.referencePrefix);
    if (!reference) throw caseNotFound();
    const now = new Date();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: this.config.timeZone }).format(now);
    if (request.newDate < today)
      throw new NotificationException('resolution_delay_date_past', 'the new date has passed');
    const result = await this.dataSource.transaction(async (em) => {
      const found = await this.cases.lockByReference(em, reference);
      if (!found || (by.regionScope && found.regionCode !== by.regionScope)) throw caseNotFound();
      if (found.status === 'resolved' || found.status === 'closed') {
        throw new NotificationException(
          'resolution_delay_not_open',
          'the case is already resolved or closed',
          { status: found.status },
        );
      }
      await this.delays.record(em, found.id, { ...request, at: now });
      await this.history.append(em, [
        {
          caseId: found.id,
          at: now,
          kind: 'resolution_delayed',
          actor: by.name,
          details: { newDate: request.newDate, reason: request.reason },
        },
      ]);
      const announced = resolutionDelayEvent({ id: found.id, reference }, now, {
        phase: 'announced',
        resolutionDueAt: (found.resolutionDueAt ?? now).toISOString(),
        newDate: request.newDate,
        reason: request.reason,
        regionCode: found.regionCode,
        managerId: found.managerId,
        by: by.name,
      });
      await this.outbox.enqueue(em, Topics.CaseEvents, [announced]);
      const ctx = await this.contexts.find(em, found.id);
      const outcome = ctx
        ? await this.writer.request(
            em,
            ctx,
            {
              purpose: `resolution_delay:${announced.eventId}`,
              kind: 'resolution_delay',
              template: 'resolution_delay',
            },
            now,
          )
        : 'unreachable';
      return { found, notified: outcome === 'requested' };
    });
    this.relay.wake();
    return {
      reference,
      resolutionDueAt: result.found.resolutionDueAt?.toISOString() ?? null,
      newResolutionDate: request.newDate,
      delayReason: request.reason,
      customerNotified: result.notified,
    };
  }
}
