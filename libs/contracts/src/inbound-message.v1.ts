import { z } from 'zod';
import { ChannelSchema, FeedbackTypeSchema, LanguageSchema } from './channel';

/** E.164: what libphonenumber-js's `format('E.164')` produces; adapters normalize before publishing. */
export const E164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 phone number');

const isoTime = z.iso.datetime({ offset: true });

export const SenderSchema = z
  .object({
    name: z.string().max(200).optional(),
    surname: z.string().max(200).optional(),
    patronymic: z.string().max(200).optional(),
    /** Free-form display name when the channel gives only one (e-mail "From" name, X name). */
    displayName: z.string().max(400).optional(),
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
  .refine((s) => Boolean(s.email || s.phone || s.whatsappId || s.xUserId), {
    message: 'sender needs at least one identity: email, phone, whatsappId or xUserId',
  });
export type Sender = z.infer<typeof SenderSchema>;

export const AttachmentRefSchema = z.object({
  /** Claim check: the sha256 of the content in the blob store. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  filename: z.string().max(500).optional(),
  contentType: z.string().max(200),
  size: z.number().int().nonnegative(),
});
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

export const ConsentSchema = z.object({
  given: z.boolean(),
  /** Which version of the KVKK/GDPR notice the customer saw, so the text can be reproduced later. */
  noticeVersion: z.string().min(1).max(50),
  givenAt: isoTime,
});
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * The inbound message envelope, version 1: every adapter normalizes what it receives into this
 * shape and publishes it on `intake.messages.v1`. Core trusts nothing that does not validate.
 */
export const InboundMessageV1Schema = z.object({
  schemaVersion: z.literal(1),
  /** Gateway-wide id of this message, chosen by the adapter. */
  messageId: z.uuid(),
  channel: ChannelSchema,
  /** Which account of the channel received it: a mailbox, a WhatsApp number, an X account, a form. */
  channelAccount: z.string().min(1).max(200),
  /** The source system's own id (Message-ID, wamid, tweet id, call id...). Unique per channel. */
  sourceId: z.string().min(1).max(998),
  /** When the adapter took the message in. */
  receivedAt: isoTime,
  /** When the source says it was sent, if it says. */
  sentAt: isoTime.optional(),
  sender: SenderSchema,
  /** The address or line it was sent to (mailbox address, called number), for store routing. */
  recipient: z.string().max(320).optional(),
  subject: z.string().max(998).optional(),
  text: z.string().max(100_000),
  language: LanguageSchema.optional(),
  /** The type the customer chose, when the channel asks (web form, call centre). */
  declaredType: FeedbackTypeSchema.optional(),
  storeCode: z.string().min(1).max(50).optional(),
  category: z.string().min(1).max(200).optional(),
  /** The employee involved, if the customer named one. */
  employee: z.string().max(200).optional(),
  threading: z
    .object({
      inReplyTo: z.string().max(998).optional(),
      references: z.array(z.string().max(998)).max(100).optional(),
      conversationId: z.string().max(500).optional(),
      /**
       * True for chat-like channels (a WhatsApp chat, an X direct message): a customer writing
       * again while their case is open is continuing that conversation, not opening a new one.
       */
      conversational: z.boolean().optional(),
    })
    .optional(),
  attachments: z.array(AttachmentRefSchema).max(100).default([]),
  consent: ConsentSchema.optional(),
  /** Channel specifics that core stores but does not interpret. */
  metadata: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .optional(),
});
export type InboundMessageV1 = z.infer<typeof InboundMessageV1Schema>;
/** What an adapter builds: `attachments` may be left out. */
export type InboundMessageV1Input = z.input<typeof InboundMessageV1Schema>;

/**
 * Kafka key: channel + sender, so that everything one customer sends on one channel stays in
 * order on one partition.
 */
export function inboundMessageKey(message: InboundMessageV1Input): string {
  const s = message.sender;
  const who = s.email?.toLowerCase() ?? s.phone ?? s.whatsappId ?? s.xUserId ?? message.sourceId;
  return `${message.channel}:${who}`;
}

/** Whether a message continues a conversation: WhatsApp always, other channels when they say so. */
export function isConversational(
  message: Pick<InboundMessageV1, 'channel' | 'threading'>,
): boolean {
  return message.channel === 'whatsapp' || message.threading?.conversational === true;
}
