import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import * as wwebjs from 'whatsapp-web.js';
import type { Message } from 'whatsapp-web.js';
import type { SessionAccount } from '../../../apps/whatsapp/src/config/whatsapp-accounts';
import type {
  SessionEvents,
  SessionFactory,
  SessionMessage,
  WhatsAppSession,
} from '../../../apps/whatsapp/src/session/whatsapp-session';

/**
 * The library's own Message class. Its type declarations describe only an interface, but at run
 * time it is a class built from WhatsApp Web's raw message model: the tests build their messages
 * with it, so they carry exactly the fields (and getters, and methods) the real client emits.
 */
const LibraryMessage = (
  wwebjs as unknown as { Message: new (client: unknown, data: object) => Message }
).Message;

/** Media as the page script of `Message.downloadMedia` hands it back. */
export interface FakeMedia {
  data: Buffer;
  mimetype: string;
  filename?: string;
}

/**
 * What `Message` asks of its Client: `getContactById` for `getContact()`, and the puppeteer page
 * whose evaluation `downloadMedia()` runs (here answering as WhatsApp Web's page would).
 */
class FakeClientForMessages {
  readonly media = new Map<string, FakeMedia>();
  readonly contacts = new Map<string, { pushname: string; name?: string }>();
  readonly pupPage = {
    evaluate: (_script: unknown, messageId: string) => {
      const media = this.media.get(messageId);
      return Promise.resolve(
        media
          ? {
              data: media.data.toString('base64'),
              mimetype: media.mimetype,
              filename: media.filename,
              filesize: media.data.length,
            }
          : null,
      );
    },
  };

  getContactById(id: string) {
    return Promise.resolve({ id: { _serialized: id }, pushname: '', ...this.contacts.get(id) });
  }
}

export interface RawMessage {
  /** The chat partner: `905551112233@c.us`, a group `...@g.us`. */
  from: string;
  /** Our number's chat id. */
  to: string;
  type: string;
  body?: string;
  caption?: string;
  author?: string;
  fromMe?: boolean;
  isForwarded?: boolean;
  lat?: number;
  lng?: number;
  loc?: string;
  clientUrl?: string;
  vcardList?: { displayName: string; vcard: string }[];
  media?: FakeMedia;
}

/**
 * A WhatsApp Web session without a browser: the test emits the Client's events through it and
 * reads what the adapter sent. Messages are built by the library's own Message class.
 */
export class FakeSession extends EventEmitter<SessionEvents> implements WhatsAppSession {
  readonly sent: { chatId: string; text: string; id: string }[] = [];
  destroyed = false;
  initialized = false;
  /** Makes `sendText` throw, as the Client does when the page is gone. */
  failSends = false;

  constructor(
    readonly account: SessionAccount,
    private readonly client: FakeClientForMessages,
  ) {
    super();
  }

  initialize(): Promise<void> {
    this.initialized = true;
    return Promise.resolve();
  }

  sendText(chatId: string, text: string): Promise<string> {
    if (this.failSends) return Promise.reject(new Error('Protocol error: Target closed'));
    const id = `true_${chatId}_3EB0${randomBytes(8).toString('hex').toUpperCase()}`;
    this.sent.push({ chatId, text, id });
    return Promise.resolve(id);
  }

  destroy(): Promise<void> {
    this.destroyed = true;
    return Promise.resolve();
  }

  /** Builds a message from WhatsApp Web's raw model with the library's class and emits it. */
  receive(raw: RawMessage): Message {
    const fromMe = raw.fromMe ?? false;
    const key = `3EB0${randomBytes(10).toString('hex').toUpperCase()}`;
    const remote = fromMe ? raw.to : raw.from;
    const id = { fromMe, remote, id: key, _serialized: `${fromMe}_${remote}_${key}` };
    if (raw.media) this.client.media.set(id._serialized, raw.media);
    const message = new LibraryMessage(this.client, {
      id,
      ack: 1,
      t: Math.floor(Date.now() / 1000),
      from: fromMe ? raw.to : raw.from,
      to: fromMe ? raw.from : raw.to,
      author: raw.author,
      type: raw.type,
      body: raw.body ?? '',
      caption: raw.caption,
      isForwarded: raw.isForwarded ?? false,
      broadcast: false,
      isStatusV3: false,
      lat: raw.lat,
      lng: raw.lng,
      loc: raw.loc,
      clientUrl: raw.clientUrl,
      vcardList: raw.vcardList,
      mimetype: raw.media?.mimetype,
      filename: raw.media?.filename,
      // WhatsApp Web's media messages carry a CDN path: the library's `hasMedia` is exactly that.
      ...(raw.media ? { directPath: `/v/t62.7118-24/${key}.enc` } : {}),
    });
    // The adapter's interface takes the library's Message as it is: no conversion in between.
    const ours: SessionMessage = message;
    this.emit('message', ours);
    return message;
  }
}

/** Hands the adapter fake sessions and keeps them, newest last, for the test to drive. */
export class FakeSessions {
  readonly created: FakeSession[] = [];
  readonly client = new FakeClientForMessages();

  readonly factory: SessionFactory = (account) => {
    const session = new FakeSession(account, this.client);
    this.created.push(session);
    return session;
  };

  latest(account: string): FakeSession | undefined {
    return this.created.filter((s) => s.account.id === account).at(-1);
  }

  /** The contact name WhatsApp shows for a chat (its "pushname"). */
  setContact(id: string, pushname: string): void {
    this.client.contacts.set(id, { pushname });
  }
}
