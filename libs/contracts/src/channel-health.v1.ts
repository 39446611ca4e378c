import { z } from 'zod';
import { ChannelSchema } from './channel';

const isoTime = z.iso.datetime({ offset: true });

/** What ops see per channel account. */
export const HEALTH_STATES = ['up', 'degraded', 'down', 'needs-auth', 'disabled'] as const;
export const HealthStateSchema = z.enum(HEALTH_STATES);
export type HealthState = z.infer<typeof HealthStateSchema>;

/**
 * A health beat: each adapter instance sends one per channel account every `intervalMs` and on
 * every change of state. A beat that stops coming is itself a signal (the dashboard turns the row
 * down after a few missed intervals).
 */
export const ChannelHealthV1Schema = z.object({
  schemaVersion: z.literal(1),
  channel: ChannelSchema,
  channelAccount: z.string().min(1).max(200),
  /** Which process sent it: several instances of a webhook adapter beat side by side. */
  instanceId: z.string().min(1).max(200),
  at: isoTime,
  state: HealthStateSchema,
  /** The adapter's own word for where it is: connected, idle, polling, qr-required, rate-limited... */
  detail: z.string().max(100).optional(),
  intervalMs: z.number().int().positive(),
  lastMessageAt: isoTime.optional(),
  lastSuccessAt: isoTime.optional(),
  lastError: z
    .object({ at: isoTime, code: z.string().max(100).optional(), message: z.string().max(2000) })
    .optional(),
  /** Cumulative since the instance started. */
  counters: z.object({
    received: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    sent: z.number().int().nonnegative().default(0),
  }),
  /** A WhatsApp session waiting to be linked: the QR payload, for the dashboard to draw. */
  qr: z.string().max(4000).optional(),
});
export type ChannelHealthV1 = z.infer<typeof ChannelHealthV1Schema>;
export type ChannelHealthV1Input = z.input<typeof ChannelHealthV1Schema>;

export function channelHealthKey(beat: ChannelHealthV1): string {
  return `${beat.channel}:${beat.channelAccount}`;
}
