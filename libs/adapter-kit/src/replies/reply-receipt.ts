import { randomUUID } from 'node:crypto';
import type { OutboundReceiptV1, OutboundReplyV1 } from '@app/contracts';

/** Why a reply did not reach the customer, without personal data. */
export type ReceiptError = { code: string; message: string };

/**
 * What became of one reply, as the adapter that sent it saw it. `attempt` is reported only when
 * the adapter counts its tries (e-mail over SMTP); `undeliverable` comes later, from the channel.
 */
export type ReplyOutcome =
  | { status: 'sent'; providerMessageId: string | null; attempt?: number }
  | { status: 'failed'; error: ReceiptError; attempt?: number }
  | { status: 'undeliverable'; providerMessageId: string | null; error: ReceiptError };

/**
 * The reply a receipt is about. `channelAccount` is the account the adapter sent from, which
 * callers pass as they know it (an X or WhatsApp adapter names its own account id).
 */
export type ReceiptSubject = Pick<
  OutboundReplyV1,
  'replyId' | 'caseId' | 'channel' | 'channelAccount'
>;

/** The receipt core records on the reply's case; its fields come in the contract's order. */
export function replyReceipt(reply: ReceiptSubject, outcome: ReplyOutcome): OutboundReceiptV1 {
  return {
    schemaVersion: 1,
    receiptId: randomUUID(),
    replyId: reply.replyId,
    caseId: reply.caseId,
    channel: reply.channel,
    channelAccount: reply.channelAccount,
    status: outcome.status,
    at: new Date().toISOString(),
    // Core threads later answers by it: an empty or unknown id is left out, not sent blank.
    ...('providerMessageId' in outcome && outcome.providerMessageId
      ? { providerMessageId: outcome.providerMessageId }
      : {}),
    ...('error' in outcome ? { error: outcome.error } : {}),
    ...('attempt' in outcome && outcome.attempt ? { attempt: outcome.attempt } : {}),
  };
}
