import type { AddressObject, EmailAddress } from 'mailparser';
import { z } from 'zod';

export type SenderResult =
  | { ok: true; email: string; displayName?: string; field: 'from' | 'reply-to' | 'sender' }
  | { ok: false; code: 'sender_missing' | 'sender_invalid'; message: string };

export interface SenderSource {
  from?: AddressObject;
  replyTo?: AddressObject;
  sender?: AddressObject;
  /** The header's values as written (unfolded, encoded words not decoded), every occurrence. */
  rawHeader(name: string): string[];
}

const EMAIL = z.email().max(320);

function mailboxes(field: AddressObject | undefined): EmailAddress[] {
  const flat: EmailAddress[] = [];
  const walk = (list: EmailAddress[]) => {
    for (const a of list) {
      if (a.group) walk(a.group);
      else if (a.address) flat.push(a);
    }
  };
  walk(field?.value ?? []);
  return flat;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether the address mailparser found is written in the header as an address. It is not when
 * mailparser repaired a broken header into a different mailbox (`<power quadrant
 * system@example.com>` read as `system@example.com`) or decoded an encoded word inside the
 * address (`=?utf-8?Q?agent?=@example.com` read as `agent@example.com`, a known spoofing trick):
 * attributing the mail to that address would be attributing it to someone else.
 */
function writtenAsAddress(headerValues: readonly string[], address: string): boolean {
  const wanted = address.toLowerCase();
  return headerValues.some((raw) => {
    const value = raw.toLowerCase();
    const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1].trim());
    if (bracketed.length > 0) return bracketed.includes(wanted);
    return new RegExp(`(^|[\\s,;:(])${escapeRegExp(wanted)}($|[\\s,;)])`).test(value.trim());
  });
}

/** `name@example.com.` (a fully qualified domain) is the same mailbox as `name@example.com`. */
function canonicalAddress(address: string): string {
  return address.trim().replace(/\.$/, '');
}

function cleanDisplayName(name: string | undefined, address: string): string | undefined {
  // Only ASCII blanks are collapsed: an ideographic space in a CJK name is part of the name.
  const cleaned = (name ?? '')
    .replace(/[\r\n]+/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (!cleaned || cleaned.toLowerCase() === address.toLowerCase()) return undefined;
  return cleaned.slice(0, 400);
}

/**
 * Who wrote the mail: the first mailbox of From, or, when a mail has no From at all, of
 * Reply-To or Sender. A From that is there but unusable is not replaced by another header:
 * that would attribute the complaint on a guess.
 */
export function senderOf(mail: SenderSource): SenderResult {
  const fields: ['from' | 'reply-to' | 'sender', AddressObject | undefined][] = [
    ['from', mail.from],
    ['reply-to', mail.replyTo],
    ['sender', mail.sender],
  ];
  const fromWritten = mail.rawHeader('from').some((v) => v.trim() !== '');
  for (const [field, value] of fields) {
    const first = mailboxes(value)[0];
    if (!first) {
      if (field === 'from' && fromWritten) {
        return { ok: false, code: 'sender_invalid', message: 'From holds no usable address' };
      }
      continue;
    }
    const written = first.address!;
    if (!writtenAsAddress(mail.rawHeader(field), written)) {
      return {
        ok: false,
        code: 'sender_invalid',
        message: `the ${field} header does not hold the address read from it`,
      };
    }
    const email = canonicalAddress(written);
    if (!EMAIL.safeParse(email).success) {
      return { ok: false, code: 'sender_invalid', message: `the ${field} address is not valid` };
    }
    return { ok: true, email, displayName: cleanDisplayName(first.name, email), field };
  }
  return { ok: false, code: 'sender_missing', message: 'no From, Reply-To or Sender address' };
}
