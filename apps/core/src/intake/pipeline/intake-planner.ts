import { Inject, Injectable } from '@nestjs/common';
import type { InboundMessageV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import type { ResolvedCustomers } from '../../customers/customer-resolver';
import type { SortedMessages } from '../../messages/message.repository';
import { emailThreadKey, type IntakeContext } from './intake-context';
import type { ContextQuery } from './intake-context.repository';
import { IntakeDecider, NEAR_DUPLICATE_MATCHER, type NearDuplicateMatcher } from './intake-decider';
import { IntakePlan } from './intake-plan';

/**
 * Turns a sorted batch into a plan: what context its decisions need, and then each new message's
 * decision in batch order, telling the context as it goes so that later messages see the cases
 * earlier ones opened or joined.
 */
@Injectable()
export class IntakePlanner {
  private readonly decider: IntakeDecider;

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    @Inject(NEAR_DUPLICATE_MATCHER) private readonly matcher: NearDuplicateMatcher,
  ) {
    this.decider = new IntakeDecider(
      { referencePrefix: config.referencePrefix, ...config.threading },
      matcher,
    );
  }

  contextQuery(
    fresh: readonly InboundMessageV1[],
    { customerOf, created }: ResolvedCustomers,
  ): ContextQuery {
    const earliest = Math.min(...fresh.map((m) => Date.parse(m.receivedAt)));
    const reach = Math.max(
      this.config.threading.conversationWindowMs,
      this.config.threading.duplicateWindowMs,
    );
    return {
      references: this.decider.referencesIn(fresh),
      emailMessageIds: fresh
        .flatMap((m) =>
          m.channel === 'email' ? [m.threading?.inReplyTo, ...(m.threading?.references ?? [])] : [],
        )
        .filter((id): id is string => Boolean(id)),
      // A customer created for this batch has no history to look up.
      customerIds: [...new Set(customerOf.values())].filter((id) => !created.has(id)),
      since: new Date((Number.isFinite(earliest) ? earliest : Date.now()) - reach),
    };
  }

  plan(
    sorted: SortedMessages,
    customerOf: Map<string, string>,
    context: IntakeContext,
  ): IntakePlan {
    const plan = new IntakePlan();
    const caseOfMessage = new Map<string, string>();
    for (const inbound of sorted.fresh) {
      const message = inbound.value;
      const customerId = customerOf.get(message.messageId)!;
      const fingerprint = this.matcher.fingerprint(message.text);
      const decision = this.decider.decide({ message, customerId, fingerprint }, context);
      const at = new Date(message.receivedAt);
      const caseId = decision.kind === 'open' ? randomUUID() : decision.caseId;
      if (decision.kind === 'open') {
        context.addCase({
          id: caseId,
          reference: '',
          customerId,
          channel: message.channel,
          status: 'created',
          lastMessageAt: at,
        });
      } else {
        context.touch(caseId, at);
      }
      if (message.channel === 'email')
        context.addThreadKey(emailThreadKey(message.sourceId), caseId);
      context.addSignature(customerId, { caseId, receivedAt: at, signature: fingerprint });
      caseOfMessage.set(message.messageId, caseId);
      plan.add({ inbound, message, customerId, fingerprint, decision, caseId });
    }
    for (const d of sorted.duplicates) {
      plan.redeliveries.push({
        message: d.message.value,
        existingMessageId: d.existingMessageId,
        caseId: d.caseId ?? caseOfMessage.get(d.existingMessageId) ?? null,
        stored: d.stored,
      });
    }
    return plan;
  }
}
