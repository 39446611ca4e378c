import type { Sender } from '@app/contracts';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type IdentityKind = 'email' | 'phone' | 'whatsapp' | 'x_user' | 'x_handle';

export interface Identity {
  kind: IdentityKind;
  value: string;
}

export function identityKey(identity: Identity): string {
  return `${identity.kind}:${identity.value}`;
}

function e164(input: string, defaultRegion: string): string | undefined {
  const phone = parsePhoneNumberFromString(input, defaultRegion as CountryCode);
  return phone?.isValid() ? phone.number : undefined;
}

/**
 * Every identity a sender carries, normalized so that the same person meets themselves across
 * channels: e-mail lower-cased; phones in E.164 (Türkiye by default); a WhatsApp id is also the
 * phone number it is made of, which is how a WhatsApp chat and a call from the same number become
 * one customer; X by user id (stable) and by handle (lower-cased, as X treats them).
 */
export function identitiesOf(sender: Sender, defaultRegion: string): Identity[] {
  const found = new Map<string, Identity>();
  const add = (kind: IdentityKind, value: string | undefined) => {
    if (value) found.set(`${kind}:${value}`, { kind, value });
  };
  add('email', sender.email?.trim().toLowerCase());
  if (sender.phone) add('phone', e164(sender.phone, defaultRegion) ?? sender.phone);
  if (sender.whatsappId) {
    // whatsapp-web.js ids look like "905321234567@c.us"; the Cloud API's wa_id is the digits alone.
    const digits = sender.whatsappId.replace(/@.*$/, '');
    add('whatsapp', digits);
    if (/^\d{7,15}$/.test(digits)) add('phone', e164(`+${digits}`, defaultRegion));
  }
  add('x_user', sender.xUserId);
  add('x_handle', sender.xHandle?.replace(/^@/, '').toLowerCase());
  return [...found.values()];
}

/** A name to show for the customer, from whatever the channel gave. */
export function displayNameOf(sender: Sender): string | null {
  const full = [sender.name, sender.patronymic, sender.surname].filter(Boolean).join(' ').trim();
  return full || sender.displayName?.trim() || null;
}
