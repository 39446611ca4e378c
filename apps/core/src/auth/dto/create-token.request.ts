import { z } from 'zod';
import { ROLES } from '../principal';

/** `POST /api/v1/tokens`: a manager's token names the region it is limited to; others none. */
export const CreateTokenRequestSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\p{L}\p{N} ._@-]+$/u, 'invalid'),
    role: z.enum(ROLES),
    regionCode: z.string().trim().min(1).max(50).optional(),
  })
  .refine((v) => (v.role === 'manager') === Boolean(v.regionCode), {
    message: 'manager_only',
    path: ['regionCode'],
    when: () => true,
  });

export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;
