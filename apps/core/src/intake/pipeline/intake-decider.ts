import { findReferences, isConversational, type InboundMessageV1 } from '@app/contracts';
import type { IntakeDecision } from './intake-decision';
import { emailThreadKey, type CaseSnapshot, type IntakeContext } from './intake-context';

/** The near-duplicate comparison the decider needs; stored per message as an integer array. */
export interface NearDuplicateMatcher {
  fingerprint(text: string): number[];
  compare(a: number[], b: number[]): { duplicate: boolean; similarity: number };
}

export const NEAR_DUPLICATE_MATCHER = Symbol('NEAR_DUPLICATE_MATCHER');

export interface IntakeRules {
  referencePrefix: string;
  /** How long after its last message a chat keeps collecting a customer's messages. */
  conversationWindowMs: number;
  /** How far back "the same thing again" is looked for. */
  duplicateWindowMs: number;
}

export interface DecisionInput {
  message: InboundMessageV1;
  customerId: string;
  fingerprint: number[];
}

/**
 * Where a new message belongs, by the rules of DESIGN.md, in order: a reference number of the
 * sender's own case; an e-mail reply to a message of a case; a chat going on; the same complaint
 * again; otherwise a new case. Pure: everything it knows comes from the IntakeContext.
 */
export class IntakeDecider {
  constructor(
    private readonly rules: IntakeRules,
    private readonly matcher: NearDuplicateMatcher,
  ) {}

  decide(
    { message, customerId, fingerprint }: DecisionInput,
    context: IntakeContext,
  ): IntakeDecision {
    const at = new Date(message.receivedAt);
    const related: string[] = [];

    // (a) A valid reference number attaches only for the case's own customer: anyone can read a
    // number off a receipt, so a stranger quoting one gets their own case, linked as related.
    for (const reference of this.quotedReferences(message)) {
      const quoted = context.caseByReference(reference);
      if (!quoted) continue;
      if (quoted.customerId === customerId)
        return { kind: 'attach', caseId: quoted.id, via: 'reference' };
      related.push(quoted.id);
    }

    // (b) Message-IDs are not guessable: a reply to any message of a case (ours or the
    // customer's, from whatever mail client) belongs to that case.
    if (message.channel === 'email') {
      const ids = [message.threading?.inReplyTo, ...(message.threading?.references ?? [])].filter(
        (id): id is string => Boolean(id),
      );
      for (const id of ids) {
        const threaded = context.caseOfThreadKey(emailThreadKey(id));
        if (threaded) return { kind: 'attach', caseId: threaded.id, via: 'email_thread' };
      }
    }

    // (c) On a chat, the same customer writing again while their case is open continues it.
    if (isConversational(message)) {
      const ongoing = this.latest(
        context
          .casesOf(customerId)
          .filter((c) => c.channel === message.channel && c.status !== 'closed')
          .filter(
            (c) => at.getTime() - c.lastMessageAt.getTime() <= this.rules.conversationWindowMs,
          ),
      );
      if (ongoing) return { kind: 'attach', caseId: ongoing.id, via: 'conversation' };
    }

    // (d) The same customer saying nearly the same thing again, on any channel, is one case.
    const duplicate = this.nearDuplicate(customerId, fingerprint, at, context);
    if (duplicate)
      return { kind: 'duplicate', caseId: duplicate.caseId, similarity: duplicate.similarity };

    return { kind: 'open', relatedCaseIds: related };
  }

  /** Every reference number of ours the messages quote: what the context must load. */
  referencesIn(messages: readonly InboundMessageV1[]): string[] {
    return [...new Set(messages.flatMap((m) => this.quotedReferences(m)))];
  }

  private quotedReferences(message: InboundMessageV1): string[] {
    const ours = `${this.rules.referencePrefix}-`;
    return findReferences(`${message.subject ?? ''}\n${message.text}`).filter((r) =>
      r.startsWith(ours),
    );
  }

  private nearDuplicate(
    customerId: string,
    fingerprint: number[],
    at: Date,
    context: IntakeContext,
  ) {
    let best: { caseId: string; similarity: number } | undefined;
    for (const earlier of context.signaturesOf(customerId)) {
      if (Math.abs(at.getTime() - earlier.receivedAt.getTime()) > this.rules.duplicateWindowMs)
        continue;
      const target = context.caseById(earlier.caseId);
      if (!target || target.status === 'closed') continue;
      const { duplicate, similarity } = this.matcher.compare(fingerprint, earlier.signature);
      if (duplicate && (!best || similarity > best.similarity))
        best = { caseId: earlier.caseId, similarity };
    }
    return best;
  }

  private latest(cases: CaseSnapshot[]): CaseSnapshot | undefined {
    return cases.reduce<CaseSnapshot | undefined>(
      (a, b) => (!a || b.lastMessageAt > a.lastMessageAt ? b : a),
      undefined,
    );
  }
}
