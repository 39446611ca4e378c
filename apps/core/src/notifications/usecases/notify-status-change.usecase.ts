import { Inject, Injectable } from '@nestjs/common';
import type { CaseEventOf } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import { SurveyRepository } from '../../surveys/survey.repository';
import type { TemplateKind } from '../../templates/reply-template.defaults';
import { CustomerReplyWriter } from '../customer-reply.writer';
import { ReplyContextRepository } from '../reply-context.repository';

/**
 * A case changed status: the customer is told on their channel for the statuses configured
 * (CASE_NOTIFY_STATUSES). Resolved also opens the satisfaction survey and sends it.
 */
@Injectable()
export class NotifyStatusChange {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly contexts: ReplyContextRepository,
    private readonly writer: CustomerReplyWriter,
    private readonly surveys: SurveyRepository,
  ) {}

  async execute(
    em: EntityManager,
    event: CaseEventOf<'case.status_changed'>,
    now: Date,
  ): Promise<boolean> {
    const to = event.data.to;
    const notify = this.config.customer.notifyStatuses.includes(to) && to !== 'created';
    if (!notify && to !== 'resolved') return false;
    const ctx = await this.contexts.find(em, event.caseId);
    if (!ctx) return false;
    let requested = false;
    if (notify) {
      const outcome = await this.writer.request(
        em,
        ctx,
        {
          purpose: `status:${event.eventId}`,
          kind: 'status_update',
          template: `status_${to}` as TemplateKind,
        },
        now,
      );
      requested = outcome === 'requested';
    }
    if (to === 'resolved' && (await this.surveys.open(em, ctx.caseId, now))) {
      const outcome = await this.writer.request(
        em,
        ctx,
        { purpose: `survey:${event.eventId}`, kind: 'survey', template: 'survey' },
        now,
      );
      requested ||= outcome === 'requested';
    }
    return requested;
  }
}
