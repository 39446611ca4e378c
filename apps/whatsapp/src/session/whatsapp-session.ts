import type { EventEmitter } from 'node:events';
import type { SessionAccount } from '../config/whatsapp-accounts';

/**
 * The part of a whatsapp-web.js `Message` the adapter reads, field for field as the library
 * declares it (`import('whatsapp-web.js').Message`); `session/message-shape.spec.ts` holds the two
 * together, so a library upgrade that changes them fails the type check.
 * `type` is the library's `MessageTypes` enum, read here as its string values ('chat', 'ptt'...).
 */
export interface SessionMessage {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string };
  /** The chat: `905321234567@c.us`, a group `...@g.us`, `status@broadcast`, or a `...@lid`. */
  from: string;
  to: string;
  /** In a group, the member who wrote. */
  author?: string;
  /** Text, or a media message's caption, or a vCard's text. */
  body: string;
  /** Seconds since the epoch. */
  timestamp: number;
  type: string;
  hasMedia: boolean;
  fromMe: boolean;
  isStatus: boolean;
  broadcast: boolean;
  isForwarded: boolean;
  hasQuotedMsg: boolean;
  /**
   * Only on location messages. The library declares the coordinates as strings but builds them
   * from numbers: both are read.
   */
  location?: {
    latitude: string | number;
    longitude: string | number;
    name?: string;
    address?: string;
    url?: string;
    description?: string;
  };
  vCards: string[];
  /** The library resolves `undefined` when the media cannot be had (expired, deleted). */
  downloadMedia(): Promise<SessionMedia | undefined>;
  getContact(): Promise<{ pushname: string; name?: string }>;
}

/** `MessageMedia`: base64 data and what it is. */
export interface SessionMedia {
  mimetype: string;
  data: string;
  filename?: string | null;
  filesize?: number | null;
}

/** whatsapp-web.js's `MessageAck`: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played. */
export type SessionAck = -1 | 0 | 1 | 2 | 3 | 4;

/** The Client events the adapter follows, with the library's own names and arguments. */
export interface SessionEvents {
  qr: [qr: string];
  authenticated: [];
  ready: [];
  /** A WAState name, `LOGOUT`, or the library's own words ("Max qrcode retries reached"). */
  disconnected: [reason: string];
  auth_failure: [message: string];
  message: [message: SessionMessage];
  /** Delivery of a message we sent, by its `id._serialized`. */
  message_ack: [messageId: string, ack: SessionAck];
}

/**
 * One WhatsApp Web session: the small interface between the adapter and whatsapp-web.js's
 * Client. Production wraps the real Client (web/web-session.ts); tests drive a fake that emits
 * objects shaped exactly like the library's `Message`.
 */
export interface WhatsAppSession extends Pick<
  EventEmitter<SessionEvents>,
  'on' | 'removeAllListeners'
> {
  initialize(): Promise<void>;
  /** Sends a text to a chat id (`905321234567@c.us`); resolves with the sent message's id. */
  sendText(chatId: string, text: string): Promise<string>;
  /** Closes the browser; the linked device and its stored session stay. */
  destroy(): Promise<void>;
}

export type SessionFactory = (account: SessionAccount) => WhatsAppSession;

export const WHATSAPP_SESSION_FACTORY = Symbol('WHATSAPP_SESSION_FACTORY');
