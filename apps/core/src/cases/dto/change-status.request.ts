import { z } from 'zod';
import { CaseStatusSchema } from '@app/contracts';

/** `POST /api/v1/cases/:reference/status`: where to, and why (no personal data). */
export const ChangeStatusRequestSchema = z.strictObject({
  to: CaseStatusSchema,
  reason: z.string().trim().min(1).max(1000).optional(),
});

export type ChangeStatusRequest = z.infer<typeof ChangeStatusRequestSchema>;
