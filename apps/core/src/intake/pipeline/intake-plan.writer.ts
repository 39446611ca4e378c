import { Injectable } from '@nestjs/common';
import { Topics, type CaseEventV1 } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import {
  caseCreatedEvent,
  caseRoutedEvent,
  duplicateLinkedEvent,
  messageAttachedEvent,
  messageDuplicateEvent,
} from '../../cases/case-events';
import { CaseHistoryRepository, type CaseHistoryEntry } from '../../cases/case-history.repository';
import { CaseLinkRepository } from '../../cases/case-link.repository';
import type { NewCaseRecord } from '../../cases/case-record';
import { CaseRepository, type CaseActivity } from '../../cases/case.repository';
import { ThreadKeyRepository } from '../../cases/thread-key.repository';
import { MessageRepository } from '../../messages/message.repository';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { CoreException } from '../../core.exception';
import { emailThreadKey } from './intake-context';
import { linkKindOf, type IntakePlan } from './intake-plan';

const CORE = 'core';

/**
 * Writes a decided batch in a handful of bulk statements, inside the caller's transaction: the
 * new cases, where every message went, case activity, threading keys, links, history, and the
 * events that tell the rest of the gateway.
 */
@Injectable()
export class IntakePlanWriter {
  constructor(
    private readonly cases: CaseRepository,
    private readonly messages: MessageRepository,
    private readonly history: CaseHistoryRepository,
    private readonly links: CaseLinkRepository,
    private readonly threadKeys: ThreadKeyRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  /** `references` must know every case the plan touches: the new ones and the existing ones. */
  async write(
    em: EntityManager,
    plan: IntakePlan,
    opened: NewCaseRecord[],
    references: Map<string, string>,
    now: Date,
  ): Promise<void> {
    await this.cases.insertMany(em, opened);
    const repeats = new Map<string, number>();
    for (const r of plan.redeliveries)
      if (!r.stored) repeats.set(r.existingMessageId, (repeats.get(r.existingMessageId) ?? 0) + 1);
    const written = await this.messages.insert(
      em,
      plan.messages.map((m) => ({
        inbound: m.inbound,
        caseId: m.caseId,
        customerId: m.customerId,
        linkKind: linkKindOf(m.decision),
        signature: m.fingerprint,
        repeats: repeats.get(m.message.messageId) ?? 0,
      })),
    );
    if (written !== plan.messages.length) {
      // Another consumer (a zombie owner of this partition during a rebalance) stored one of these
      // messages since we looked: retrying the batch sees it as a redelivery.
      throw new CoreException(
        'concurrent_delivery',
        'a message of the batch was stored concurrently',
        true,
      );
    }
    await this.messages.countRedeliveries(
      em,
      plan.redeliveries.filter((r) => r.stored).map((r) => r.existingMessageId),
    );
    await this.cases.recordActivity(em, this.activity(plan));
    await this.threadKeys.insert(
      em,
      plan.messages
        .filter((m) => m.message.channel === 'email')
        .map((m) => ({
          kind: 'email',
          value: emailThreadKey(m.message.sourceId).slice('email:'.length),
          caseId: m.caseId,
        })),
    );
    await this.links.insert(
      em,
      opened.flatMap((c) =>
        c.relatedCaseIds.map((relatedCaseId) => ({
          caseId: c.id,
          relatedCaseId,
          kind: 'quoted_reference',
        })),
      ),
    );
    await this.history.append(em, this.historyOf(plan, opened, now));
    await this.outbox.enqueue(em, Topics.CaseEvents, this.eventsOf(plan, opened, references, now));
  }

  private activity(plan: IntakePlan): CaseActivity[] {
    const byCase = new Map<string, CaseActivity>();
    for (const m of plan.joining) {
      const at = new Date(m.message.receivedAt);
      const a = byCase.get(m.caseId) ?? {
        caseId: m.caseId,
        lastMessageAt: at,
        messages: 0,
        repeatContacts: 0,
      };
      a.messages++;
      if (m.decision.kind === 'duplicate') a.repeatContacts++;
      if (at > a.lastMessageAt) a.lastMessageAt = at;
      byCase.set(m.caseId, a);
    }
    return [...byCase.values()];
  }

  private historyOf(plan: IntakePlan, opened: NewCaseRecord[], now: Date): CaseHistoryEntry[] {
    const entries: CaseHistoryEntry[] = [];
    for (const c of opened) {
      // One entry: the case opened with its classification and its routing, as one moment.
      entries.push({
        caseId: c.id,
        at: now,
        kind: 'opened',
        actor: CORE,
        details: {
          messageId: c.firstMessageId,
          channel: c.channel,
          type: c.feedbackType,
          category: c.category,
          routing: c.routing,
          ...c.explanation,
        },
      });
      for (const related of c.relatedCaseIds) {
        entries.push({
          caseId: c.id,
          at: now,
          kind: 'related_linked',
          actor: CORE,
          details: { relatedCaseId: related },
        });
      }
    }
    for (const m of plan.joining) {
      const details: Record<string, unknown> = {
        messageId: m.message.messageId,
        channel: m.message.channel,
      };
      if (m.decision.kind === 'attach') details.via = m.decision.via;
      if (m.decision.kind === 'duplicate')
        details.similarity = Math.round(m.decision.similarity * 1000) / 1000;
      entries.push({
        caseId: m.caseId,
        at: now,
        kind: m.decision.kind === 'duplicate' ? 'duplicate_linked' : 'message_attached',
        actor: CORE,
        details,
      });
    }
    return entries;
  }

  private eventsOf(
    plan: IntakePlan,
    opened: NewCaseRecord[],
    references: Map<string, string>,
    now: Date,
  ): CaseEventV1[] {
    const events: CaseEventV1[] = [];
    for (const c of opened) {
      events.push(
        caseCreatedEvent(
          c,
          c.relatedCaseIds.map((id) => references.get(id)!),
        ),
      );
      events.push(caseRoutedEvent(c, c.routing, now));
    }
    for (const m of plan.joining) {
      const target = { id: m.caseId, reference: references.get(m.caseId)! };
      const message = { messageId: m.message.messageId, channel: m.message.channel };
      events.push(
        m.decision.kind === 'duplicate'
          ? duplicateLinkedEvent(target, message, m.decision.similarity, now)
          : messageAttachedEvent(
              target,
              message,
              m.decision.kind === 'attach' ? m.decision.via : 'conversation',
              now,
            ),
      );
    }
    for (const r of plan.redeliveries) {
      if (!r.caseId) continue;
      events.push(
        messageDuplicateEvent(
          { id: r.caseId, reference: references.get(r.caseId)! },
          { messageId: r.message.messageId, channel: r.message.channel },
          now,
        ),
      );
    }
    return events;
  }
}
