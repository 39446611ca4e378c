import type { AttachmentRef, InboundMessageV1, Sender } from '@app/contracts';

export type Metadata = Record<string, string | number | boolean>;

/** Media a message carries, to be fetched into the blob store before the envelope goes out. */
export interface MediaToFetch {
  /** Cloud API media id (fetched from the Graph API); absent for WhatsApp Web media. */
  mediaId?: string;
  mimeType?: string;
  filename?: string;
}

/** A WhatsApp message normalized, before its media are fetched. */
export interface InboundDraft {
  sourceId: string;
  sentAt?: string;
  sender: Sender;
  /** The chat partner's WhatsApp id, which names the conversation. */
  chatId: string;
  text: string;
  metadata: Metadata;
  media?: MediaToFetch;
}

const MAX_TEXT = 100_000;

/** E.164 from a WhatsApp id made of a phone number: `905321234567` or `905321234567@c.us`. */
export function phoneOfWhatsAppId(id: string): string | undefined {
  const match = /^(\d{7,15})(?:@(?:c\.us|s\.whatsapp\.net))?$/.exec(id);
  return match && !match[1].startsWith('0') ? `+${match[1]}` : undefined;
}

/** Seconds since the epoch, as WhatsApp gives them, to ISO time; undefined when unreadable. */
export function isoFromSeconds(seconds: string | number | undefined): string | undefined {
  const value = Number(seconds);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return new Date(value * 1000).toISOString();
}

/** The envelope of a WhatsApp message: always a conversation, keyed by account and chat. */
export function whatsappEnvelope(args: {
  messageId: string;
  account: string;
  recipient?: string;
  receivedAt: Date;
  draft: InboundDraft;
  attachments: AttachmentRef[];
  extraMetadata?: Metadata;
}): InboundMessageV1 {
  const { draft } = args;
  return {
    schemaVersion: 1,
    messageId: args.messageId,
    channel: 'whatsapp',
    channelAccount: args.account,
    sourceId: draft.sourceId,
    receivedAt: args.receivedAt.toISOString(),
    ...(draft.sentAt ? { sentAt: draft.sentAt } : {}),
    sender: draft.sender,
    ...(args.recipient ? { recipient: args.recipient } : {}),
    text: draft.text.length > MAX_TEXT ? `${draft.text.slice(0, MAX_TEXT - 1)}…` : draft.text,
    threading: {
      conversational: true,
      conversationId: `whatsapp:${args.account}:${draft.chatId}`,
    },
    attachments: args.attachments,
    metadata: { ...draft.metadata, ...args.extraMetadata },
  };
}
