/** How a message reached us: read from the API by the poller, or pushed by Account Activity. */
export type XVia = 'poll' | 'webhook';

export interface XPerson {
  id: string;
  handle?: string;
  name?: string;
}

/** A photo, video or GIF of a post or a direct message; `url` when X says where to fetch it. */
export interface MediaCandidate {
  key: string;
  type: string;
  url?: string;
}

/**
 * A public post naming our account (a mention or a reply to us), whichever API it came from.
 * The shapes of X API v2 and of the v1.1 objects in Account Activity events meet here.
 */
export interface XMention {
  id: string;
  author: XPerson;
  text: string;
  createdAt?: string;
  conversationId?: string;
  inReplyToTweetId?: string;
  lang?: string;
  media: MediaCandidate[];
  via: XVia;
  /** The item as X sent it, for the dead-letter topic if it cannot be published. */
  raw: unknown;
}

/** A direct message to our account. */
export interface XDirectMessage {
  id: string;
  sender: XPerson;
  text: string;
  createdAt?: string;
  conversationId?: string;
  media: MediaCandidate[];
  via: XVia;
  raw: unknown;
}

/** X ids are 64-bit snowflakes: compare them as numbers, not as strings or floats. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A one-to-one conversation's id as X API v2 writes it: the two user ids, smaller first. */
export function oneToOneConversationId(a: string, b: string): string {
  return compareIds(a, b) <= 0 ? `${a}-${b}` : `${b}-${a}`;
}
