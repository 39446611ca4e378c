import { z } from 'zod';
import { CHANNELS } from '@app/contracts';

export const DEAD_LETTER_STATUSES = ['waiting', 'replayed', 'discarded'] as const;

/** `GET /api/v1/dead-letters?channel=&status=` */
export const ListDeadLettersQuerySchema = z.strictObject({
  channel: z.enum(CHANNELS).optional(),
  status: z.enum(DEAD_LETTER_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListDeadLettersQuery = z.infer<typeof ListDeadLettersQuerySchema>;

/** `POST /api/v1/dead-letters/replay`: every waiting letter of one channel. */
export const ReplayChannelRequestSchema = z.strictObject({ channel: z.enum(CHANNELS) });
export type ReplayChannelRequest = z.infer<typeof ReplayChannelRequestSchema>;

/** `POST /api/v1/dead-letters/:id/discard` */
export const DiscardRequestSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export type DiscardRequest = z.infer<typeof DiscardRequestSchema>;
