import { Inject, Injectable } from '@nestjs/common';
import type { CaseEventOf } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { CaseHistoryRepository } from '../../cases/case-history.repository';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import { CustomerReplyWriter, type ReplyRequest } from '../../notifications/customer-reply.writer';
import type { ReplyContext } from '../../notifications/reply-context.repository';
import { answersSynchronously, emailOf } from '../../notifications/reply-target';
import { AcknowledgementRepository } from '../acknowledgement.repository';

const ACKNOWLEDGEMENT = {
  purpose: 'acknowledgement',
  kind: 'acknowledgement',
  template: 'acknowledgement',
} as const satisfies ReplyRequest;

/**
 * A case opened: acknowledge it to the customer on the channel they used, at once, whatever the
 * hour (out-of-hours feedback is acknowledged now and handled from the next working day: its SLA
 * clock already starts then). The web form and the call centre gave the reference number in their
 * answer: that is the acknowledgement; an e-mail follows when the customer gave an address.
 * A batch's cases are acknowledged together, one statement per table: every case opened comes
 * through here, so under load this is core's busiest path after the intake itself.
 */
@Injectable()
export class RequestAcknowledgement {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly writer: CustomerReplyWriter,
    private readonly acknowledgements: AcknowledgementRepository,
    private readonly history: CaseHistoryRepository,
  ) {}

  /** `contexts`: the opened cases' contexts, read at once by the caller. True when a reply was asked. */
  async execute(
    em: EntityManager,
    events: readonly CaseEventOf<'case.created'>[],
    contexts: Map<string, ReplyContext>,
    now: Date,
  ): Promise<boolean> {
    const asks: { ctx: ReplyContext; request: ReplyRequest }[] = [];
    const answered: { ctx: ReplyContext; at: Date }[] = [];
    for (const event of events) {
      const ctx = contexts.get(event.caseId);
      if (!ctx) continue;
      if (answersSynchronously(ctx.channel)) answered.push({ ctx, at: new Date(event.occurredAt) });
      else asks.push({ ctx, request: ACKNOWLEDGEMENT });
    }
    await this.markAnswered(em, answered);
    asks.push(...this.emailCopies(answered));
    const outcomes = await this.writer.requestMany(em, asks, now);
    return outcomes.includes('requested');
  }

  /** The answer of the web form or the call centre carried the reference: that acknowledged it. */
  private async markAnswered(
    em: EntityManager,
    answered: readonly { ctx: ReplyContext; at: Date }[],
  ): Promise<void> {
    const done = await this.acknowledgements.markAcknowledged(
      em,
      answered.map(({ ctx, at }) => ({ caseId: ctx.caseId, at, via: ctx.channel })),
    );
    const channels = new Map(answered.map(({ ctx }) => [ctx.caseId, ctx.channel]));
    await this.history.append(
      em,
      done.map((d) => ({
        caseId: d.caseId,
        at: d.at,
        kind: 'acknowledged',
        actor: 'core',
        details: { via: 'synchronous_answer', channel: channels.get(d.caseId), late: d.late },
      })),
    );
  }

  /** Customers of the web form and the call centre who gave an e-mail address get it in writing. */
  private emailCopies(
    answered: readonly { ctx: ReplyContext }[],
  ): { ctx: ReplyContext; request: ReplyRequest }[] {
    const account = this.config.customer.ackEmailAccount;
    if (!account) return [];
    return answered.flatMap(({ ctx }) => {
      const email = emailOf(ctx);
      if (!email) return [];
      return [
        {
          ctx,
          request: {
            ...ACKNOWLEDGEMENT,
            target: { channel: 'email' as const, channelAccount: account, recipient: { email } },
          },
        },
      ];
    });
  }
}
