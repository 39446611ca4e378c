import { z } from 'zod';

export const ResolutionDelayRequestSchema = z.strictObject({
  /** Told to the customer as written: no personal data. */
  reason: z.string().trim().min(1).max(1000),
  /** The new target date, YYYY-MM-DD in the organisation's time zone. */
  newDate: z.iso.date(),
});
export type ResolutionDelayRequest = z.infer<typeof ResolutionDelayRequestSchema>;

export interface ResolutionDelayResponse {
  reference: string;
  resolutionDueAt: string | null;
  newResolutionDate: string;
  delayReason: string;
  /** Whether a message to the customer was asked for (false when they cannot be reached). */
  customerNotified: boolean;
}
