import { ChannelSchema, Topics, type Channel, type DeadLetterV1 } from '@app/contracts';

/**
 * The channel a dead letter belongs to, so ops can replay "all of WhatsApp" after a fix: named by
 * the source for adapter failures; for a message of intake.messages.v1 its envelope's channel,
 * else the key's prefix (`channel:sender`).
 */
export function channelOf(letter: DeadLetterV1): Channel | null {
  if (letter.source.kind === 'channel') return letter.source.channel;
  if (letter.source.topic !== Topics.IntakeMessages) return null;
  if (letter.payload.encoding === 'utf8') {
    try {
      const parsed = ChannelSchema.safeParse(
        (JSON.parse(letter.payload.data) as { channel?: unknown })?.channel,
      );
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: fall back to the key.
    }
  }
  const fromKey = ChannelSchema.safeParse(letter.source.key?.split(':')[0]);
  return fromKey.success ? fromKey.data : null;
}
