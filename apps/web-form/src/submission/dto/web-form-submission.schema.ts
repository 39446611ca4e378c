import { FEEDBACK_TYPES, LanguageSchema } from '@app/contracts';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';

/** Headless sites often send "" for a field the customer left empty: that is "not given". */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === ''
    ? undefined
    : typeof value === 'string'
      ? value.trim()
      : value;

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().max(max).optional());

export function toE164(input: string, defaultRegion: string): string | undefined {
  const phone = parsePhoneNumberFromString(input, defaultRegion as CountryCode);
  return phone?.isValid() ? phone.number : undefined;
}

/** The fields of a piece of feedback, whichever way it came (the page or the JSON API). */
function feedbackShape(phoneRegion: string) {
  return {
    name: z.string().trim().min(1).max(100),
    surname: z.string().trim().min(1).max(100),
    patronymic: optionalText(100),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .max(32)
        .refine((v) => toE164(v, phoneRegion) !== undefined, 'invalid')
        .transform((v) => toE164(v, phoneRegion)!)
        .optional(),
    ),
    email: z.preprocess(blankToUndefined, z.email('invalid').max(254).optional()),
    storeCode: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,50}$/, 'invalid')
        .optional(),
    ),
    /** The employee involved, as the customer names them. */
    employee: optionalText(200),
    // A string first, so that a missing type reads as `required`, a wrong one as `invalid_choice`.
    type: z.string().pipe(z.enum(FEEDBACK_TYPES)),
    message: z.string().trim().min(1).max(10_000),
    consent: z.boolean().refine((given) => given, 'required'),
    language: LanguageSchema.optional(),
  };
}

const phoneOrEmail = () => ({
  message: 'phone_or_email',
  path: ['contact'],
  // Checked even when other fields are wrong, so the customer sees every problem at once.
  when: () => true,
});

/** What the page's form yields once its own fields (store, checkbox) are translated. */
export function feedbackSchema(phoneRegion: string) {
  return z
    .strictObject(feedbackShape(phoneRegion))
    .refine((v) => Boolean(v.phone || v.email), phoneOrEmail());
}

export type WebFormSubmission = z.infer<ReturnType<typeof feedbackSchema>>;

/**
 * `POST /api/v1/web-form`. Unknown fields are refused: a misspelt `emial` must not be dropped
 * silently. Every rule has a name (`required`, `too_long`, `phone_or_email`...) that the error
 * catalog turns into a sentence in the customer's language. `website` is the honeypot a headless
 * site may pass on from its own form; `captchaToken` the answer of the captcha, when one is on.
 */
export function webFormSubmissionSchema(phoneRegion: string) {
  return z
    .strictObject({
      ...feedbackShape(phoneRegion),
      website: z.string().max(1_000).optional(),
      captchaToken: z.string().max(4_096).optional(),
    })
    .refine((v) => Boolean(v.phone || v.email), phoneOrEmail());
}
