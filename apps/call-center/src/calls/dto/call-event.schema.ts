import { FEEDBACK_TYPES, LanguageSchema } from '@app/contracts';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';

/** What telephony systems put in the caller number when the caller withheld it (CLIR). */
const WITHHELD_MARKERS = new Set([
  'anonymous',
  'withheld',
  'private',
  'restricted',
  'unknown',
  'unavailable',
  'gizli',
  'bilinmiyor',
]);

/** Integrations often send "" (or null) for a field nobody filled in: that is "not given". */
const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '')
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;

export function toE164(input: string, defaultRegion: string): string | undefined {
  const phone = parsePhoneNumberFromString(input, defaultRegion as CountryCode);
  return phone?.isValid() ? phone.number : undefined;
}

function isWithheld(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' &&
      (value.trim() === '' || WITHHELD_MARKERS.has(value.trim().toLowerCase())))
  );
}

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().max(max).optional());

const isoTime = z.iso.datetime({ offset: true });

/**
 * Cross-field rules run even when other fields are wrong, so the sender sees every problem at
 * once; but only on an object (a JSON array or string has no fields to talk about).
 */
const wholeObject = (payload: { value: unknown }) =>
  typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value);

/**
 * `POST /api/v1/call-center/events`: what the telephony or CCaaS system sends when a call ends.
 * Unknown fields are refused, so a mis-mapped field is caught while the integration is being
 * built instead of being dropped silently. Every rule has a name (`required`, `invalid`,
 * `withheld_needs_contact`...) that the error catalog turns into a sentence.
 */
export function callEventSchema(phoneRegion: string) {
  const phone = z
    .string()
    .max(32)
    .refine((v) => toE164(v, phoneRegion) !== undefined, 'invalid')
    .transform((v) => toE164(v, phoneRegion)!);
  return z
    .strictObject({
      callId: z
        .string()
        .trim()
        .min(1)
        .max(200)
        // `*`, not `+`: an empty id is "required" only, not also "invalid".
        .regex(/^[\x21-\x7e]*$/, 'invalid'),
      /** E.164 after normalization, or undefined when the caller withheld it. */
      callerNumber: z.preprocess(
        (v) => (isWithheld(v) ? undefined : blankToUndefined(v)),
        phone.optional(),
      ),
      calledLine: z
        .string()
        .trim()
        .min(1)
        .max(50)
        .transform((v) => toE164(v, phoneRegion) ?? v),
      agent: z.strictObject({
        id: z.string().trim().min(1).max(100),
        name: optionalText(200),
      }),
      storeCode: z.preprocess(
        blankToUndefined,
        z
          .string()
          .regex(/^[A-Za-z0-9._-]{1,50}$/, 'invalid')
          .transform((v) => v.toUpperCase())
          .optional(),
      ),
      category: optionalText(200),
      notes: optionalText(10_000),
      transcript: optionalText(80_000),
      startedAt: isoTime,
      endedAt: isoTime,
      recordingUrl: z.preprocess(
        blankToUndefined,
        z
          .url({ protocol: /^https$/, error: 'invalid' })
          .max(2_000)
          .optional(),
      ),
      customer: z
        .strictObject({
          name: optionalText(100),
          surname: optionalText(100),
          phone: z.preprocess(blankToUndefined, phone.optional()),
          email: z.preprocess(blankToUndefined, z.email('invalid').max(254).optional()),
        })
        .optional(),
      /** The employee the customer is complaining about (not the agent who took the call). */
      employee: optionalText(200),
      type: z.enum(FEEDBACK_TYPES).optional(),
      language: LanguageSchema.optional(),
    })
    .refine((v) => Boolean(v.notes || v.transcript), {
      message: 'notes_or_transcript',
      path: ['notes'],
      when: wholeObject,
    })
    .refine(
      (v) => v.callerNumber !== undefined || Boolean(v.customer?.phone || v.customer?.email),
      { message: 'withheld_needs_contact', path: ['callerNumber'], when: wholeObject },
    )
    .refine((v) => !(Date.parse(v.endedAt) <= Date.parse(v.startedAt)), {
      message: 'not_after_start',
      path: ['endedAt'],
      when: wholeObject,
    });
}

export type CallEvent = z.infer<ReturnType<typeof callEventSchema>>;
