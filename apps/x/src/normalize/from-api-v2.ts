import type {
  MediaObjectV2,
  TweetV2,
  TweetV2PaginableTimelineParams,
  TwitterApiv2,
  UserV2,
} from 'twitter-api-v2';
import type { MediaCandidate, XDirectMessage, XMention, XPerson } from './x-message';

// twitter-api-v2 does not export its DM types from the package root.
export type DMEventV2 = Awaited<ReturnType<TwitterApiv2['listDmEvents']>>['events'][number];
export type DmEventsQuery = NonNullable<Parameters<TwitterApiv2['listDmEvents']>[0]>;

/** Query fields the pollers ask for, so that every field read below is in the answer. */
export const MENTION_QUERY: Partial<TweetV2PaginableTimelineParams> = {
  expansions: ['author_id', 'referenced_tweets.id', 'attachments.media_keys'],
  'tweet.fields': [
    'attachments',
    'created_at',
    'author_id',
    'conversation_id',
    'in_reply_to_user_id',
    'referenced_tweets',
    'lang',
    'note_tweet',
  ],
  'user.fields': ['username', 'name'],
  'media.fields': ['media_key', 'type', 'url', 'variants', 'preview_image_url'],
};

export const DM_QUERY: DmEventsQuery = {
  event_types: 'MessageCreate',
  expansions: ['sender_id', 'attachments.media_keys'],
  'dm_event.fields': [
    'id',
    'text',
    'event_type',
    'created_at',
    'sender_id',
    'dm_conversation_id',
    'attachments',
  ],
  'user.fields': ['username', 'name'],
  'media.fields': ['media_key', 'type', 'url', 'variants', 'preview_image_url'],
};

function person(id: string | undefined, users: readonly UserV2[]): XPerson {
  const user = id ? users.find((u) => u.id === id) : undefined;
  return {
    id: id ?? '',
    ...(user?.username ? { handle: user.username } : {}),
    ...(user?.name ? { name: user.name } : {}),
  };
}

/**
 * A post from the mention timeline, or undefined for what is not a customer talking to us: our
 * own posts and retweets (a retweet repeats someone else's words).
 */
export function mentionFromApi(
  tweet: TweetV2,
  users: readonly UserV2[],
  media: readonly MediaObjectV2[],
  account: string,
): XMention | undefined {
  if (tweet.author_id === account) return undefined;
  if (tweet.referenced_tweets?.some((r) => r.type === 'retweeted')) return undefined;
  const repliedTo = tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
  return {
    id: tweet.id,
    author: person(tweet.author_id, users),
    // Posts over 280 characters come whole only in note_tweet.
    text: tweet.note_tweet?.text ?? tweet.text,
    createdAt: tweet.created_at,
    conversationId: tweet.conversation_id,
    ...(repliedTo ? { inReplyToTweetId: repliedTo } : {}),
    lang: tweet.lang,
    media: candidatesOf(tweet.attachments?.media_keys, media),
    via: 'poll',
    raw: tweet,
  };
}

function bestUrl(media: MediaObjectV2): string | undefined {
  if (media.url) return media.url;
  // Videos and GIFs: the mp4 with the highest bit rate (the HLS playlist is not a file).
  const mp4 = (media.variants ?? [])
    .filter((v) => v.content_type === 'video/mp4' && v.url)
    .sort((a, b) => (b.bit_rate ?? 0) - (a.bit_rate ?? 0));
  return mp4[0]?.url;
}

/** The attached media keys, each with what the expanded media objects say about it. */
function candidatesOf(
  keys: readonly string[] | undefined,
  media: readonly MediaObjectV2[],
): MediaCandidate[] {
  return (keys ?? []).map((key) => {
    const found = media.find((m) => m.media_key === key);
    const url = found ? bestUrl(found) : undefined;
    return { key, type: found?.type ?? 'unknown', ...(url ? { url } : {}) };
  });
}

/** A DM event, or undefined for what is not a customer's message: joins, leaves, our own DMs. */
export function directMessageFromApi(
  event: DMEventV2,
  users: readonly UserV2[],
  media: readonly MediaObjectV2[],
  account: string,
): XDirectMessage | undefined {
  if (event.event_type !== 'MessageCreate') return undefined;
  if (event.sender_id === account) return undefined;
  return {
    id: event.id,
    sender: person(event.sender_id, users),
    text: event.text,
    createdAt: event.created_at,
    conversationId: event.dm_conversation_id,
    media: candidatesOf(event.attachments?.media_keys, media),
    via: 'poll',
    raw: event,
  };
}
