import { Inject, Injectable } from '@nestjs/common';
import { Topics, type OutboundReplyV1, type ReplyKind } from '@app/contracts';
import { nameBasedId } from '@app/platform';
import type { EntityManager } from 'typeorm';
import { CaseHistoryRepository, type CaseHistoryEntry } from '../cases/case-history.repository';
import { CORE_CONFIG, type CoreConfig } from '../config/core.config';
import { OutboxRepository } from '../outbox/outbox.repository';
import { customerLanguage } from '../templates/customer-language';
import type { TemplateKind } from '../templates/reply-template.defaults';
import { ReplyTemplateRepository } from '../templates/reply-template.repository';
import { renderTemplate, type TemplateValues } from '../templates/template-renderer';
import type { ReplyContext } from './reply-context.repository';
import { replyTarget, type ReplyTarget } from './reply-target';

export interface ReplyRequest {
  /** What this reply is, once per case: the same purpose twice is the same reply (idempotency). */
  purpose: string;
  kind: ReplyKind;
  template: TemplateKind;
  values?: TemplateValues;
  /** Overrides where it goes (the e-mail acknowledgement of a web-form case). */
  target?: ReplyTarget;
}

export type ReplyOutcome = 'requested' | 'already_requested' | 'unreachable';

/** A stable uuid from a name, so a redelivered event asks for the same reply again, not a second one. */
function replyIdFor(caseId: string, purpose: string): string {
  return nameBasedId(`reply:${caseId}:${purpose}`);
}

/**
 * Asks an adapter to send a message to a case's customer: renders the template in their language,
 * records the reply on the case as requested and writes it to the outbox, in the caller's
 * transaction. The reply's text is never logged: the history keeps its id and kind only.
 */
@Injectable()
export class CustomerReplyWriter {
  // Building an Intl.DateTimeFormat costs far more than formatting with one: it was 7% of core's
  // CPU in bench:core when made per reply.
  private readonly dateFormats = new Map<string, Intl.DateTimeFormat>();

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly templates: ReplyTemplateRepository,
    private readonly outbox: OutboxRepository,
    private readonly history: CaseHistoryRepository,
  ) {}

  trackingLink(reference: string): string {
    const url = new URL(this.config.customer.trackingUrl);
    url.searchParams.set('reference', reference);
    return url.toString();
  }

  formatDate(at: Date | string | null, language: string): string {
    if (!at) return '';
    const date = typeof at === 'string' ? new Date(`${at}T12:00:00Z`) : at;
    let format = this.dateFormats.get(language);
    if (!format) {
      format = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
        dateStyle: 'long',
        timeZone: this.config.timeZone,
      });
      this.dateFormats.set(language, format);
    }
    return format.format(date);
  }

  async request(
    em: EntityManager,
    ctx: ReplyContext,
    request: ReplyRequest,
    now: Date,
  ): Promise<ReplyOutcome> {
    const [outcome] = await this.requestMany(em, [{ ctx, request }], now);
    return outcome;
  }

  /**
   * The replies of a whole batch with one statement per table: under load every case opened asks
   * for its acknowledgement, and a statement per reply cost core a third of its time.
   */
  async requestMany(
    em: EntityManager,
    asks: readonly { ctx: ReplyContext; request: ReplyRequest }[],
    now: Date,
  ): Promise<ReplyOutcome[]> {
    const outcomes: ReplyOutcome[] = asks.map(() => 'unreachable');
    const history: CaseHistoryEntry[] = [];
    const reachable: { i: number; target: ReplyTarget; replyId: string }[] = [];
    asks.forEach(({ ctx, request }, i) => {
      const target = request.target ?? replyTarget(ctx, this.config.customer.ackEmailAccount);
      if (ctx.erased || !target) {
        history.push({
          caseId: ctx.caseId,
          at: now,
          kind: 'reply_unreachable',
          actor: 'core',
          details: { kind: request.kind, purpose: request.purpose, channel: ctx.channel },
        });
      } else reachable.push({ i, target, replyId: replyIdFor(ctx.caseId, request.purpose) });
    });
    const inserted = await this.insertRequested(em, reachable, asks, now);
    const replies: OutboundReplyV1[] = [];
    for (const { i, target, replyId } of reachable) {
      if (!inserted.has(replyId)) {
        outcomes[i] = 'already_requested';
        continue;
      }
      // Asked twice in one batch (a redelivered event next to its original): the first one wins.
      inserted.delete(replyId);
      const reply = await this.render(em, asks[i].ctx, asks[i].request, target, replyId, now);
      replies.push(reply);
      history.push({
        caseId: asks[i].ctx.caseId,
        at: now,
        kind: 'reply_requested',
        actor: 'core',
        details: { replyId, kind: reply.kind, channel: target.channel, language: reply.language },
      });
      outcomes[i] = 'requested';
    }
    await this.outbox.enqueue(em, Topics.OutboundReplies, replies);
    await this.history.append(em, history);
    return outcomes;
  }

  /** Records the replies as requested; answers the ids that were not requested before. */
  private async insertRequested(
    em: EntityManager,
    reachable: readonly { i: number; target: ReplyTarget; replyId: string }[],
    asks: readonly { ctx: ReplyContext; request: ReplyRequest }[],
    now: Date,
  ): Promise<Set<string>> {
    if (reachable.length === 0) return new Set();
    const rows: { reply_id: string }[] = await em.query(
      `INSERT INTO case_replies (reply_id, case_id, channel, channel_account, kind, requested_at, status, status_at)
       SELECT r, c, ch, a, k, $6, 'requested', $6
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS x(r, c, ch, a, k)
       ON CONFLICT (reply_id) DO NOTHING RETURNING reply_id`,
      [
        reachable.map((r) => r.replyId),
        reachable.map((r) => asks[r.i].ctx.caseId),
        reachable.map((r) => r.target.channel),
        reachable.map((r) => r.target.channelAccount),
        reachable.map((r) => asks[r.i].request.kind),
        now.toISOString(),
      ],
    );
    return new Set(rows.map((r) => r.reply_id));
  }

  private async render(
    em: EntityManager,
    ctx: ReplyContext,
    request: ReplyRequest,
    target: ReplyTarget,
    replyId: string,
    now: Date,
  ): Promise<OutboundReplyV1> {
    const language = customerLanguage(
      ctx.opening.language ?? ctx.customerLanguage,
      ctx.opening.text,
    );
    const template = await this.templates.find(request.template, language, em);
    const text = renderTemplate(template, {
      reference: ctx.reference,
      trackingLink: this.trackingLink(ctx.reference),
      registrationDue: this.formatDate(ctx.registrationDueAt, language),
      resolutionDue: this.formatDate(ctx.resolutionDueAt, language),
      newDate: this.formatDate(ctx.resolutionNewDate, language),
      reason: ctx.resolutionDelayReason ?? '',
      ...request.values,
    });
    // A public answer under a mention is for the acknowledgement only; later news go by DM.
    const threading =
      target.threading?.inReplyToTweetId && request.kind !== 'acknowledgement'
        ? undefined
        : target.threading;
    return {
      schemaVersion: 1,
      replyId,
      requestedAt: now.toISOString(),
      caseId: ctx.caseId,
      reference: ctx.reference,
      channel: target.channel,
      channelAccount: target.channelAccount,
      kind: request.kind,
      language,
      recipient: target.recipient,
      ...(target.channel === 'email' ? { subject: this.subject(ctx, text.subject) } : {}),
      text: text.body,
      ...(threading ? { threading } : {}),
    };
  }

  /** In the customer's own e-mail thread the subject stays theirs ("Re: ..."), with the reference. */
  private subject(ctx: ReplyContext, rendered: string): string {
    const theirs = ctx.channel === 'email' ? ctx.opening.subject?.trim() : undefined;
    if (!theirs) return rendered.slice(0, 998);
    const re = /^re:/i.test(theirs) ? theirs : `Re: ${theirs}`;
    return (re.includes(ctx.reference) ? re : `${re} [${ctx.reference}]`).slice(0, 998);
  }
}
