import { z } from 'zod';
import { ChannelSchema } from './channel';

const isoTime = z.iso.datetime({ offset: true });

export const FailureReasonSchema = z.object({
  /** Stable, machine-readable: `contract_violation`, `retries_exhausted`, `unparsable_mail`... */
  code: z.string().min(1).max(100),
  /** What went wrong, for a person. Never contains message content. */
  message: z.string().max(4000),
  details: z.unknown().optional(),
});
export type FailureReason = z.infer<typeof FailureReasonSchema>;

const KafkaSourceSchema = z.object({
  kind: z.literal('kafka'),
  topic: z.string(),
  partition: z.number().int().nonnegative(),
  offset: z.string().regex(/^\d+$/),
  key: z.string().nullable(),
  timestamp: z.string().optional(),
});

/** A failure before anything reached Kafka, in a channel adapter (an unparsable mail, say). */
const ChannelSourceSchema = z.object({
  kind: z.literal('channel'),
  channel: ChannelSchema,
  channelAccount: z.string(),
  sourceId: z.string().optional(),
});

export const DeadLetterV1Schema = z.object({
  schemaVersion: z.literal(1),
  deadLetterId: z.uuid(),
  failedAt: isoTime,
  /** The service that gave up on it. */
  service: z.string().min(1).max(100),
  reason: FailureReasonSchema,
  source: z.discriminatedUnion('kind', [KafkaSourceSchema, ChannelSourceSchema]),
  /** The bytes exactly as received, so the message can be replayed after a fix. */
  payload: z.object({
    encoding: z.enum(['utf8', 'base64']),
    data: z.string(),
  }),
  headers: z.record(z.string(), z.string()).optional(),
  attempts: z.number().int().nonnegative(),
});
export type DeadLetterV1 = z.infer<typeof DeadLetterV1Schema>;

/** Replays keep the original key so the message rejoins its partition's order. */
export function deadLetterKey(letter: DeadLetterV1): string {
  if (letter.source.kind === 'kafka') {
    return letter.source.key ?? `${letter.source.topic}:${letter.source.partition}`;
  }
  return `${letter.source.channel}:${letter.source.channelAccount}`;
}
