import { Injectable } from '@nestjs/common';
import type { CaseEventV1, Topics } from '@app/contracts';
import type { BatchOutcome, ConsumedBatch } from '@app/kafka';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestAcknowledgement } from '../../acknowledgements/usecases/request-acknowledgement.usecase';
import { CoreException } from '../../core.exception';
import { OutboxRelay } from '../../outbox/outbox.relay';
import {
  RecordReplyScore,
  type ReplyScores,
} from '../../surveys/usecases/record-reply-score.usecase';
import { ReplyContextRepository } from '../reply-context.repository';
import { NotifyStatusChange } from './notify-status-change.usecase';
import { RemindResolutionDelay } from './remind-resolution-delay.usecase';

/**
 * Core's own case events, read back as the customer's side sees them: a case opened (acknowledge
 * it), changed status (tell the customer, send the survey), will miss its resolution target
 * (remind the manager), got a message (maybe a survey score). A batch is handled in one
 * transaction: one commit per event cost more than the intake itself under load (every case
 * opened is an event here). Every step is idempotent, so a redelivered event changes nothing;
 * an event that keeps failing is isolated and dead-lettered by the consumer, as on the intake.
 */
@Injectable()
export class HandleCustomerEvents {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly contexts: ReplyContextRepository,
    private readonly acknowledge: RequestAcknowledgement,
    private readonly notifyStatus: NotifyStatusChange,
    private readonly remindDelay: RemindResolutionDelay,
    private readonly replyScore: RecordReplyScore,
  ) {}

  async execute(batch: ConsumedBatch<typeof Topics.CaseEvents>): Promise<BatchOutcome> {
    const events = batch.map((m) => m.value).filter((e) => this.interesting(e));
    if (events.length === 0) return {};
    let wrote = false;
    try {
      wrote = await this.dataSource.transaction(async (em) => {
        const now = new Date();
        // Every case opened is acknowledged, the batch's together: first, because a case's
        // created event comes before any other of its events, so per case the order is kept.
        const created = events.filter((e) => e.type === 'case.created');
        const opened = await this.contexts.findMany(
          em,
          created.map((e) => e.caseId),
        );
        let any = await this.acknowledge.execute(em, created, opened, now);
        const scores = await this.replyScore.scoresIn(em, events);
        for (const event of events) any = (await this.handle(em, event, now, scores)) || any;
        return any;
      });
    } catch (error) {
      throw CoreException.from(error);
    } finally {
      if (wrote) this.relay.wake();
    }
    return {};
  }

  private interesting(event: CaseEventV1): boolean {
    switch (event.type) {
      case 'case.created':
      case 'case.status_changed':
      case 'case.message_attached':
        return true;
      case 'sla.warning':
      case 'sla.breached':
        return event.data.target === 'resolution';
      default:
        return false;
    }
  }

  private async handle(
    em: EntityManager,
    event: CaseEventV1,
    now: Date,
    scores: ReplyScores,
  ): Promise<boolean> {
    switch (event.type) {
      case 'case.status_changed':
        return this.notifyStatus.execute(em, event, now);
      case 'sla.warning':
      case 'sla.breached':
        return this.remindDelay.execute(em, event, now);
      case 'case.message_attached':
        await this.replyScore.execute(em, event, scores);
        return false;
      default:
        return false;
    }
  }
}
