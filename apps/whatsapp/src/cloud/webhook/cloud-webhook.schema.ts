import { z } from 'zod';

/**
 * The parts of a Cloud API webhook the adapter relies on. Objects are loose: Meta adds fields
 * (pricing models, new context keys) without notice, and an unknown field must never cost us a
 * message. Each message's type-specific object is read by the normalizer.
 */
const idString = z.union([z.string(), z.number()]).transform(String);

export const CloudContactSchema = z.looseObject({
  wa_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});
export type CloudContact = z.infer<typeof CloudContactSchema>;

export const CloudMessageSchema = z.looseObject({
  id: z.string().min(1),
  from: z.string().min(1),
  timestamp: idString.optional(),
  type: z.string().min(1).optional(),
});
export type CloudMessage = z.infer<typeof CloudMessageSchema> & Record<string, unknown>;

export const CloudErrorSchema = z.looseObject({
  code: idString.optional(),
  title: z.string().optional(),
  message: z.string().optional(),
});

export const CloudStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: idString.optional(),
  recipient_id: z.string().optional(),
  errors: z.array(CloudErrorSchema).optional(),
});
export type CloudStatus = z.infer<typeof CloudStatusSchema>;

export const CloudChangeValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    phone_number_id: idString,
    display_phone_number: z.string().optional(),
  }),
  contacts: z.array(CloudContactSchema).optional(),
  // Unknown: each message is checked on its own, so one odd message does not sink the others.
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(CloudErrorSchema).optional(),
});
export type CloudChangeValue = z.infer<typeof CloudChangeValueSchema>;

export const CloudWebhookSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: idString.optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});
