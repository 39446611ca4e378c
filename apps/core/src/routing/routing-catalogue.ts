import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A regional manager: the person complaints about the region's stores go to. */
export interface Manager {
  id: string;
  name: string;
  email: string;
  phone: string | null;
}

export interface Region {
  code: string;
  name: string;
  manager: Manager | null;
  /** Addresses the region is reached at (a regional mailbox, a phone line), normalized. */
  contacts: readonly string[];
}

export interface Store {
  code: string;
  name: string;
  /** How customers refer to the store: AVM names, street names, neighbourhoods. */
  aliases: readonly string[];
  city: string;
  district: string;
  regionCode: string;
  /** Addresses the store is reached at (its mailbox, its phone or WhatsApp line), normalized. */
  contacts: readonly string[];
}

/** Active regions and the active stores of active regions: what routing works from. */
export interface RoutingCatalogue {
  regions: readonly Region[];
  stores: readonly Store[];
}

/** Whether a contact is written as an e-mail address (anything else is read as a phone number). */
export function isEmailContact(value: string): boolean {
  return value.includes('@');
}

/**
 * The one written form of a contact, shared by the importer (what is stored) and the resolver
 * (what an inbound recipient or channel account is compared with): e-mail addresses lower-cased
 * without a display name or `mailto:`; phone numbers in E.164, Türkiye by default, whether they
 * come as "0216 123 45 67", "+90 216 123 45 67", "tel:+902161234567" or a WhatsApp id such as
 * "905321234567@c.us". Returns undefined when the value is neither.
 */
export function normalizeContact(raw: string): string | undefined {
  let value = raw.trim();
  const bracketed = /<([^<>]+)>\s*$/.exec(value);
  if (bracketed) value = bracketed[1].trim();
  value = value.replace(/^(?:mailto|tel|whatsapp|wa):/i, '').trim();
  // whatsapp-web.js ids are "<digits>@c.us": the digits are the phone number.
  const whatsappId = /^(\d{7,15})@(?:c|s)\.(?:us|whatsapp\.net)$/i.exec(value);
  if (whatsappId) value = `+${whatsappId[1]}`;
  if (isEmailContact(value)) return value === '' ? undefined : value.toLowerCase();
  if (!/^\+?[\d\s().-]{4,30}$/.test(value)) return undefined;
  const phone = parsePhoneNumberFromString(value, 'TR');
  return phone?.isValid() ? phone.number : undefined;
}
