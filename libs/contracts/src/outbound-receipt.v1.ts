import { z } from 'zod';
import { ChannelSchema } from './channel';

const isoTime = z.iso.datetime({ offset: true });

export const RECEIPT_STATUSES = ['sent', 'delivered', 'read', 'failed', 'undeliverable'] as const;
export const ReceiptStatusSchema = z.enum(RECEIPT_STATUSES);
export type ReceiptStatus = z.infer<typeof ReceiptStatusSchema>;

/**
 * What happened to a reply, reported by the adapter that sent it (or by the channel later: a
 * WhatsApp "read", an e-mail bounce). Core records it on the case.
 */
export const OutboundReceiptV1Schema = z.object({
  schemaVersion: z.literal(1),
  receiptId: z.uuid(),
  /** The reply it is about; absent when the channel reports on a message core cannot match. */
  replyId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  channel: ChannelSchema,
  channelAccount: z.string().min(1).max(200),
  status: ReceiptStatusSchema,
  at: isoTime,
  /** The channel's id of the sent message (e-mail Message-ID, wamid, DM event id): later replies thread by it. */
  providerMessageId: z.string().max(998).optional(),
  /** Why it failed, without personal data. */
  error: z.object({ code: z.string().max(100), message: z.string().max(2000) }).optional(),
  attempt: z.number().int().positive().optional(),
});
export type OutboundReceiptV1 = z.infer<typeof OutboundReceiptV1Schema>;

export function outboundReceiptKey(receipt: OutboundReceiptV1): string {
  return receipt.caseId ?? `${receipt.channel}:${receipt.channelAccount}`;
}
