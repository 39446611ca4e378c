import { z } from 'zod';
import { ChannelSchema, LanguageSchema } from './channel';
import { E164Schema } from './inbound-message.v1';

const isoTime = z.iso.datetime({ offset: true });

export const REPLY_KINDS = [
  'acknowledgement',
  'status_update',
  'resolution_delay',
  'survey',
  'message',
] as const;
export const ReplyKindSchema = z.enum(REPLY_KINDS);
export type ReplyKind = z.infer<typeof ReplyKindSchema>;

/**
 * A message to a customer, asked for by core and sent by the adapter of `channel`: an e-mail in
 * the customer's thread, a WhatsApp message, an X direct message... Adapters answer with receipts
 * on `outbound.receipts.v1`.
 */
export const OutboundReplyV1Schema = z.object({
  schemaVersion: z.literal(1),
  /** Idempotency key: an adapter seeing the same replyId twice sends once. */
  replyId: z.uuid(),
  requestedAt: isoTime,
  caseId: z.uuid(),
  reference: z.string().min(1).max(40),
  channel: ChannelSchema,
  /** The account to send from: the mailbox, WhatsApp number or X account the customer wrote to. */
  channelAccount: z.string().min(1).max(200),
  kind: ReplyKindSchema,
  language: LanguageSchema,
  recipient: z
    .object({
      email: z.email().max(320).optional(),
      phone: E164Schema.optional(),
      whatsappId: z.string().min(1).max(100).optional(),
      xUserId: z
        .string()
        .regex(/^\d{1,25}$/)
        .optional(),
      xHandle: z
        .string()
        .regex(/^[A-Za-z0-9_]{1,15}$/)
        .optional(),
    })
    .refine((r) => Boolean(r.email || r.phone || r.whatsappId || r.xUserId), {
      message: 'recipient needs an address',
    }),
  subject: z.string().max(998).optional(),
  text: z.string().min(1).max(10_000),
  threading: z
    .object({
      /** E-mail: the customer's Message-ID this answers, and the thread's References. */
      inReplyTo: z.string().max(998).optional(),
      references: z.array(z.string().max(998)).max(100).optional(),
      conversationId: z.string().max(500).optional(),
      /** X: the mention to answer publicly (with the reference number only, never personal data). */
      inReplyToTweetId: z
        .string()
        .regex(/^\d{1,25}$/)
        .optional(),
    })
    .optional(),
});
export type OutboundReplyV1 = z.infer<typeof OutboundReplyV1Schema>;

export function outboundReplyKey(reply: OutboundReplyV1): string {
  return reply.caseId;
}
