import type { CaseStatus } from '@app/contracts';
import { z } from 'zod';

/** The second factor: the last four digits of the phone, or the e-mail address. */
const verify = z.string().max(320);

export const AgreementRequestSchema = z.strictObject({
  verify,
  agree: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});
export type AgreementRequest = z.infer<typeof AgreementRequestSchema>;

export const SurveyAnswerRequestSchema = z.strictObject({
  verify,
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
export type SurveyAnswerRequest = z.infer<typeof SurveyAnswerRequestSchema>;

/** What anyone with the reference and the second factor sees: no personal data, no message text. */
export interface TrackResponse {
  reference: string;
  status: CaseStatus;
  openedAt: string;
  resolutionDueAt: string | null;
  newResolutionDate?: string;
  delayReason?: string;
  timeline: { at: string; status: CaseStatus }[];
  /** Resolved: the customer is asked whether they agree (close) or the problem remains (reopen). */
  awaitingAgreement: boolean;
  /** A satisfaction survey waits for an answer. */
  surveyOpen: boolean;
}
