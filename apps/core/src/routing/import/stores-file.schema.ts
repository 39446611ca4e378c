import { z } from 'zod';
import { isEmailContact, normalizeContact } from '../routing-catalogue';

/**
 * The stores file: regions with their manager, and stores. `contacts` (optional on both) are the
 * mailboxes and lines a region or store is reached at; inbound messages sent to one of them are
 * routed there. Values come out normalized: e-mail addresses lower-cased, phones in E.164.
 *
 * Messages never repeat the offending value: the file holds managers' personal data and the
 * problems are printed.
 */

const CODE_PATTERN = /^[A-Z0-9]+(?:[-_][A-Z0-9]+)*$/;
const CODE_RULE = 'must be capital letters A-Z and digits, parts joined by "-" or "_"';

const code = (max: number) =>
  z.string().regex(CODE_PATTERN, CODE_RULE).max(max, `must be at most ${max} characters`);

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const emailSchema = z.email({ error: 'is not a valid e-mail address' });

const email = z.string().trim().toLowerCase().pipe(emailSchema);

const phone = z.string().transform((value, ctx) => {
  const normalized = isEmailContact(value) ? undefined : normalizeContact(value);
  if (normalized === undefined) {
    ctx.issues.push({
      code: 'custom',
      message: 'is not a valid phone number (write it as +90 5xx xxx xx xx or 0 2xx xxx xx xx)',
      input: value,
    });
    return z.NEVER;
  }
  return normalized;
});

const contact = z.string().transform((value, ctx) => {
  const normalized = normalizeContact(value);
  const valid =
    normalized !== undefined &&
    (!isEmailContact(normalized) || emailSchema.safeParse(normalized).success);
  if (!valid || normalized === undefined) {
    ctx.issues.push({
      code: 'custom',
      message: isEmailContact(value)
        ? 'is not a valid e-mail address'
        : 'is neither an e-mail address nor a valid phone number',
      input: value,
    });
    return z.NEVER;
  }
  return normalized;
});

const contacts = z.array(contact).max(50, 'must list at most 50 contacts').default([]);

export const ManagerSchema = z.strictObject({
  name: text(200),
  email,
  phone: phone.optional(),
});

export const RegionSchema = z.strictObject({
  code: code(20),
  name: text(100),
  manager: ManagerSchema,
  contacts,
});

export const StoreSchema = z.strictObject({
  code: code(50),
  name: text(200),
  aliases: z.array(text(200)).max(50, 'must list at most 50 aliases').default([]),
  city: text(100),
  district: text(100),
  regionCode: code(20),
  contacts,
});

export const StoresFileSchema = z.strictObject({
  regions: z.array(RegionSchema),
  stores: z.array(StoreSchema),
});

export type StoresFile = z.output<typeof StoresFileSchema>;
export type StoresFileRegion = z.output<typeof RegionSchema>;
export type StoresFileStore = z.output<typeof StoreSchema>;
export type StoresFileManager = z.output<typeof ManagerSchema>;
