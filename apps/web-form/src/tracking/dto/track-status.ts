import { z } from 'zod';

/**
 * Core's answer to `GET /api/v1/track/:reference?verify=`: the status timeline, without personal
 * data. Extra fields are ignored, so core can add some without breaking the page.
 */
export const TrackStatusSchema = z.object({
  reference: z.string().min(1).max(40),
  status: z.string().min(1).max(40),
  openedAt: z.string(),
  resolutionDueAt: z.string().nullish(),
  /** The nearest date the customer was promised when the target is missed (YYYY-MM-DD or ISO). */
  newResolutionDate: z.string().nullish(),
  delayReason: z.string().max(2_000).nullish(),
  timeline: z.array(z.object({ at: z.string(), status: z.string().min(1).max(40) })).default([]),
  awaitingAgreement: z.boolean().default(false),
  surveyOpen: z.boolean().default(false),
});
export type TrackStatus = z.infer<typeof TrackStatusSchema>;

/** The second factor as core takes it: the last four digits of the phone, or the e-mail. */
export interface Verification {
  reference: string;
  verify: string;
}
