import { z } from 'zod';

/** `POST /api/v1/cases/:reference/routing`: a store, or a region, and why. */
export const RerouteRequestSchema = z
  .strictObject({
    storeCode: z.string().trim().min(1).max(50).optional(),
    regionCode: z.string().trim().min(1).max(50).optional(),
    reason: z.string().trim().min(1).max(1000),
  })
  .refine((v) => Boolean(v.storeCode) !== Boolean(v.regionCode), {
    message: 'store_or_region',
    path: ['target'],
    when: () => true,
  });

export type RerouteRequest = z.infer<typeof RerouteRequestSchema>;
