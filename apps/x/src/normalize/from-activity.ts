import { z } from 'zod';
import {
  oneToOneConversationId,
  type MediaCandidate,
  type XDirectMessage,
  type XMention,
} from './x-message';

/*
 * Account Activity events carry X's v1.1 objects: `id_str`, `created_timestamp` in epoch
 * milliseconds, users in a map. Only the fields read below are checked; everything else passes.
 */
const idString = z.union([z.string().regex(/^\d{1,25}$/), z.number().int().nonnegative()]);

const V1User = z.looseObject({
  id_str: z.string().optional(),
  id: idString.optional(),
  screen_name: z.string().optional(),
  name: z.string().optional(),
});

const V1Media = z.looseObject({
  id_str: z.string().optional(),
  type: z.string().optional(),
  media_url_https: z.string().optional(),
  video_info: z
    .looseObject({
      variants: z
        .array(
          z.looseObject({
            bitrate: z.number().optional(),
            content_type: z.string(),
            url: z.string(),
          }),
        )
        .optional(),
    })
    .optional(),
});

/** A post's photos, videos and GIFs (v1.1 lists them whole only in extended_entities). */
const V1ExtendedEntities = z.looseObject({ media: z.array(V1Media).optional() });

const V1Tweet = z.looseObject({
  id_str: z.string().regex(/^\d{1,25}$/),
  text: z.string().optional(),
  full_text: z.string().optional(),
  extended_tweet: z
    .looseObject({ full_text: z.string(), extended_entities: V1ExtendedEntities.optional() })
    .optional(),
  extended_entities: V1ExtendedEntities.optional(),
  created_at: z.string().optional(),
  lang: z.string().nullish(),
  in_reply_to_status_id_str: z.string().nullish(),
  in_reply_to_user_id_str: z.string().nullish(),
  user: V1User,
  entities: z
    .looseObject({ user_mentions: z.array(z.looseObject({ id_str: z.string() })).optional() })
    .optional(),
  retweeted_status: z.unknown().optional(),
});

const V1DirectMessage = z.looseObject({
  type: z.string(),
  id: z.string().regex(/^\d{1,25}$/),
  created_timestamp: z.string().optional(),
  message_create: z
    .looseObject({
      target: z.looseObject({ recipient_id: z.string() }),
      sender_id: z.string(),
      message_data: z.looseObject({
        text: z.string(),
        attachment: z.looseObject({ type: z.string(), media: V1Media }).optional(),
      }),
    })
    .optional(),
});

const ActivityEnvelope = z.looseObject({
  for_user_id: z.string().optional(),
  tweet_create_events: z.array(z.unknown()).optional(),
  direct_message_events: z.array(z.unknown()).optional(),
  users: z.record(z.string(), V1User).optional(),
  user_event: z
    .looseObject({
      revoke: z.looseObject({ source: z.looseObject({ user_id: z.string() }) }).optional(),
    })
    .optional(),
});

/** What one Account Activity delivery holds for us. */
export interface ActivityBatch {
  /** The subscribed account the events are for (absent on user events such as a revoke). */
  forUserId?: string;
  mentions: XMention[];
  directMessages: XDirectMessage[];
  /** Set when the user named here withdrew our app's access. */
  revokedBy?: string;
  /** Events that need no action: typing and read indicators, deletes, our own posts... */
  ignored: number;
  /** Events we could not read, as sent, for the dead-letter topic. */
  malformed: { raw: unknown; reason: string }[];
}

export class ActivityPayloadError extends Error {}

function idOf(user: z.infer<typeof V1User>): string | undefined {
  return user.id_str ?? (user.id !== undefined ? String(user.id) : undefined);
}

function mentionOf(tweet: z.infer<typeof V1Tweet>, account: string): XMention | undefined {
  const authorId = idOf(tweet.user) ?? '';
  if (authorId === account || tweet.retweeted_status !== undefined) return undefined;
  const mentionsUs = tweet.entities?.user_mentions?.some((m) => m.id_str === account) ?? false;
  if (!mentionsUs && tweet.in_reply_to_user_id_str !== account) return undefined;
  return {
    id: tweet.id_str,
    author: {
      id: authorId,
      ...(tweet.user.screen_name ? { handle: tweet.user.screen_name } : {}),
      ...(tweet.user.name ? { name: tweet.user.name } : {}),
    },
    // A post over 140 characters comes `truncated`, whole only in extended_tweet.
    text: tweet.extended_tweet?.full_text ?? tweet.full_text ?? tweet.text ?? '',
    createdAt: tweet.created_at,
    ...(tweet.in_reply_to_status_id_str
      ? { inReplyToTweetId: tweet.in_reply_to_status_id_str }
      : {}),
    ...(tweet.lang ? { lang: tweet.lang } : {}),
    media: (
      tweet.extended_tweet?.extended_entities?.media ??
      tweet.extended_entities?.media ??
      []
    ).map(mediaOf),
    via: 'webhook',
    raw: tweet,
  };
}

function mediaOf(media: z.infer<typeof V1Media>): MediaCandidate {
  const mp4 = (media.video_info?.variants ?? [])
    .filter((v) => v.content_type === 'video/mp4')
    .sort((a, b) => (b.bitrate ?? 0) - (a.bitrate ?? 0))[0]?.url;
  // For a video or GIF, media_url_https is only its still preview.
  const url = media.type === 'photo' ? media.media_url_https : (mp4 ?? media.media_url_https);
  return { key: media.id_str ?? 'unknown', type: media.type ?? 'unknown', ...(url ? { url } : {}) };
}

function directMessageOf(
  event: z.infer<typeof V1DirectMessage>,
  users: Record<string, z.infer<typeof V1User>>,
  account: string,
): XDirectMessage | undefined {
  const create = event.message_create;
  if (event.type !== 'message_create' || !create || create.sender_id === account) return undefined;
  const user = users[create.sender_id];
  const created = Number(event.created_timestamp);
  const attachment = create.message_data.attachment;
  return {
    id: event.id,
    sender: {
      id: create.sender_id,
      ...(user?.screen_name ? { handle: user.screen_name } : {}),
      ...(user?.name ? { name: user.name } : {}),
    },
    text: create.message_data.text,
    ...(Number.isFinite(created) && created > 0
      ? { createdAt: new Date(created).toISOString() }
      : {}),
    conversationId: oneToOneConversationId(create.sender_id, create.target.recipient_id),
    media: attachment?.type === 'media' ? [mediaOf(attachment.media)] : [],
    via: 'webhook',
    raw: event,
  };
}

/** Reads an Account Activity delivery; throws ActivityPayloadError when it is not one at all. */
export function readActivity(payload: unknown, account: string): ActivityBatch {
  const parsed = ActivityEnvelope.safeParse(payload);
  if (!parsed.success) throw new ActivityPayloadError('not an Account Activity event object');
  const body = parsed.data;
  const batch: ActivityBatch = {
    ...(body.for_user_id ? { forUserId: body.for_user_id } : {}),
    mentions: [],
    directMessages: [],
    ignored: 0,
    malformed: [],
  };
  for (const raw of body.tweet_create_events ?? []) {
    const tweet = V1Tweet.safeParse(raw);
    if (!tweet.success) {
      batch.malformed.push({ raw, reason: 'tweet_create_event not readable' });
      continue;
    }
    const mention = mentionOf(tweet.data, account);
    if (mention) batch.mentions.push(mention);
    else batch.ignored++;
  }
  for (const raw of body.direct_message_events ?? []) {
    const event = V1DirectMessage.safeParse(raw);
    if (!event.success) {
      batch.malformed.push({ raw, reason: 'direct_message_event not readable' });
      continue;
    }
    const dm = directMessageOf(event.data, body.users ?? {}, account);
    if (dm) batch.directMessages.push(dm);
    else batch.ignored++;
  }
  const revoke = body.user_event?.revoke;
  if (revoke) batch.revokedBy = revoke.source.user_id;
  // Typing and read indicators, deletes, follows, likes: nothing for a complaint desk to take in.
  const known = new Set([
    'for_user_id',
    'tweet_create_events',
    'direct_message_events',
    'users',
    'apps',
    'user_event',
    'user_has_blocked',
    'source',
  ]);
  for (const [key, value] of Object.entries(body)) {
    if (!known.has(key) && Array.isArray(value)) batch.ignored += value.length;
  }
  return batch;
}
