import { corpusJson } from './x-corpus';

/**
 * What the fake X API holds: users, posts mentioning our account, DM events and their media. New
 * items are made from the corpus's documented objects (mentions.json, the DM event object), so
 * they carry every field X documents, with the ids and texts a test needs.
 */
export interface FakeUser {
  id: string;
  username: string;
  name: string;
  [field: string]: unknown;
}

export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  [field: string]: unknown;
}

export interface FakeDmEvent {
  id: string;
  event_type: string;
  text?: string;
  sender_id: string;
  dm_conversation_id: string;
  created_at: string;
  attachments?: { media_keys: string[] };
  [field: string]: unknown;
}

export interface FakeMedia {
  media_key: string;
  type: string;
  /** Set by the server when it serves the bytes itself. */
  url?: string;
  bytes?: Buffer;
  contentType?: string;
}

let sequence = 0n;
/** Snowflake-like ids, increasing, above the corpus's ids. */
export function nextId(): string {
  sequence += 1n;
  return (1_900_000_000_000_000_000n + BigInt(Date.now()) * 1000n + sequence).toString();
}

export function byIdDescending<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    const x = BigInt(a.id);
    const y = BigInt(b.id);
    return x < y ? 1 : x > y ? -1 : 0;
  });
}

export class FakeXData {
  readonly users = new Map<string, FakeUser>();
  readonly mentions: FakeTweet[] = [];
  readonly dmEvents: FakeDmEvent[] = [];
  readonly media = new Map<string, FakeMedia>();

  constructor(readonly accountId: string) {}

  /** The documented mention (mentions.json), exactly as published, with its author. */
  addCorpusMention(): FakeTweet {
    const body = corpusJson('mentions.json');
    for (const user of body.includes.users as FakeUser[]) this.users.set(user.id, user);
    const tweet = { conversation_id: body.data[0].id, ...body.data[0] } as FakeTweet;
    this.mentions.push(tweet);
    return tweet;
  }

  addUser(user: Partial<FakeUser> & { username: string; name: string }): FakeUser {
    const created: FakeUser = { id: user.id ?? nextId(), verified: false, ...user };
    this.users.set(created.id, created);
    return created;
  }

  /** A post by `author`: from the documented mention, with its own id and text. */
  addMention(author: FakeUser, text: string, extra: Partial<FakeTweet> = {}): FakeTweet {
    const template = corpusJson('mentions.json').data[0];
    const id = extra.id ?? nextId();
    const tweet: FakeTweet = {
      ...template,
      id,
      text,
      author_id: author.id,
      created_at: new Date().toISOString(),
      conversation_id: id,
      lang: 'tr',
      ...extra,
    };
    this.mentions.push(tweet);
    return tweet;
  }

  /** A DM to our account: from the documented MessageCreate event object. */
  addDm(sender: FakeUser, text: string, extra: Partial<FakeDmEvent> = {}): FakeDmEvent {
    const template = corpusJson('dm-event-object-messagecreate.json');
    const [low, high] = [sender.id, this.accountId].sort((a, b) =>
      BigInt(a) < BigInt(b) ? -1 : 1,
    );
    const event: FakeDmEvent = {
      ...template,
      id: extra.id ?? nextId(),
      text,
      sender_id: sender.id,
      dm_conversation_id: `${low}-${high}`,
      created_at: new Date().toISOString(),
      ...extra,
    };
    this.dmEvents.push(event);
    return event;
  }

  addMedia(media: FakeMedia): FakeMedia {
    this.media.set(media.media_key, media);
    return media;
  }
}
