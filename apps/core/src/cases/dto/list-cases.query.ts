import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, FEEDBACK_TYPES } from '@app/contracts';
import { SLA_STATES } from '../sla-state';

/** Several values of one filter are given comma-separated: `status=created,in_progress`. */
const list = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).min(1).max(20));

export const CASE_SORTS = [
  'receivedAt',
  '-receivedAt',
  'updatedAt',
  '-updatedAt',
  'resolutionDueAt',
  '-resolutionDueAt',
] as const;

/** `GET /api/v1/cases`: filters, a page and a sort order. */
export const ListCasesQuerySchema = z.strictObject({
  status: list(CASE_STATUSES).optional(),
  region: z.string().trim().min(1).max(50).optional(),
  store: z.string().trim().min(1).max(50).optional(),
  channel: list(CHANNELS).optional(),
  type: list(FEEDBACK_TYPES).optional(),
  /** A category code; its sub-categories match too (`product` finds `product.defective`). */
  category: z.string().trim().min(1).max(100).optional(),
  sla: list(SLA_STATES).optional(),
  /** Received at or after / before (ISO 8601). */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** Part of the reference number or of the customer's words. */
  q: z.string().trim().min(2).max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(CASE_SORTS).default('-receivedAt'),
});

export type ListCasesQuery = z.infer<typeof ListCasesQuerySchema>;
