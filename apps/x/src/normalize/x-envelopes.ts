import {
  LANGUAGES,
  type AttachmentRef,
  type InboundMessageV1Input,
  type Language,
} from '@app/contracts';
import { randomUUID } from 'node:crypto';
import type { XDirectMessage, XMention, XPerson } from './x-message';

const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/** The media kept in the blob store, and notes on those that could not be. */
export interface FetchedMedia {
  attachments: AttachmentRef[];
  /** What could not be kept, for the envelope's metadata: a person can fetch it by hand. */
  notes: string[];
}

function mediaNote(media: FetchedMedia): { xMediaNote?: string } {
  return media.notes.length > 0 ? { xMediaNote: media.notes.join('; ').slice(0, 1000) } : {};
}

export interface EnvelopeContext {
  /** Our account's user id: the channel account. */
  account: string;
  receivedAt: Date;
}

function sender(person: XPerson): InboundMessageV1Input['sender'] {
  return {
    xUserId: person.id,
    ...(person.handle && HANDLE.test(person.handle) ? { xHandle: person.handle } : {}),
    ...(person.name ? { displayName: person.name.slice(0, 400) } : {}),
  };
}

function language(lang: string | undefined): Language | undefined {
  return (LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : undefined;
}

function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/**
 * A mention is public and not a conversation: each one is its own message to core. The tweet id
 * stays in metadata so that an answer can go back to it publicly, and the conversation id lets
 * core see a reply thread.
 */
export function mentionEnvelope(
  m: XMention,
  media: FetchedMedia,
  ctx: EnvelopeContext,
): InboundMessageV1Input {
  const lang = language(m.lang);
  const sentAt = isoOrUndefined(m.createdAt);
  return {
    schemaVersion: 1,
    messageId: randomUUID(),
    channel: 'x',
    channelAccount: ctx.account,
    sourceId: `tweet:${m.id}`,
    receivedAt: ctx.receivedAt.toISOString(),
    ...(sentAt ? { sentAt } : {}),
    sender: sender(m.author),
    text: m.text,
    ...(lang ? { language: lang } : {}),
    ...(m.conversationId ? { threading: { conversationId: m.conversationId } } : {}),
    attachments: media.attachments,
    metadata: {
      xKind: 'mention',
      xTweetId: m.id,
      xVia: m.via,
      ...(m.conversationId ? { xConversationId: m.conversationId } : {}),
      ...(m.inReplyToTweetId ? { xInReplyToTweetId: m.inReplyToTweetId } : {}),
      ...mediaNote(media),
    },
  };
}

/** A direct message continues the customer's conversation with us. */
export function directMessageEnvelope(
  dm: XDirectMessage,
  media: FetchedMedia,
  ctx: EnvelopeContext,
): InboundMessageV1Input {
  const sentAt = isoOrUndefined(dm.createdAt);
  return {
    schemaVersion: 1,
    messageId: randomUUID(),
    channel: 'x',
    channelAccount: ctx.account,
    sourceId: `dm:${dm.id}`,
    receivedAt: ctx.receivedAt.toISOString(),
    ...(sentAt ? { sentAt } : {}),
    sender: sender(dm.sender),
    text: dm.text,
    threading: {
      conversational: true,
      ...(dm.conversationId ? { conversationId: dm.conversationId } : {}),
    },
    attachments: media.attachments,
    metadata: {
      xKind: 'direct_message',
      xDmEventId: dm.id,
      xVia: dm.via,
      ...(dm.conversationId ? { xDmConversationId: dm.conversationId } : {}),
      ...mediaNote(media),
    },
  };
}
