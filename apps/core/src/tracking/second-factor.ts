import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every check compares against at least this many digests, so the count of a customer's identities does not show in the timing. */
const MIN_SLOTS = 4;

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * What the customer typed as their second factor: an e-mail address (compared lower-cased) or the
 * last four digits of their phone. Anything else can match nothing, but is still compared.
 */
export function givenFactorDigest(verify: string | undefined): Buffer {
  const value = (verify ?? '').trim();
  if (value.includes('@')) return digest(`email:${value.toLowerCase()}`);
  const digits = value.replace(/[\s-]/g, '');
  if (/^\d{4}$/.test(digits)) return digest(`phone4:${digits}`);
  return digest(`invalid:${randomBytes(8).toString('hex')}`);
}

/** The factors a customer can prove with: their e-mail addresses and the last four digits of their phones. */
export function knownFactorDigests(
  identities: readonly { kind: string; value: string }[],
): Buffer[] {
  const factors = new Set<string>();
  for (const { kind, value } of identities) {
    if (value.startsWith('erased:')) continue;
    if (kind === 'email') factors.add(`email:${value.toLowerCase()}`);
    if (kind === 'phone' || kind === 'whatsapp') {
      const digits = value.replace(/\D/g, '');
      if (digits.length >= 4) factors.add(`phone4:${digits.slice(-4)}`);
    }
  }
  return [...factors].map(digest);
}

/**
 * Constant time in what matters: every known digest is compared (no early exit), padded with
 * random ones, so an unknown case, a customer with one identity and one with five take the same
 * work, and the comparison itself leaks nothing about the digests.
 */
export function factorMatches(given: Buffer, known: readonly Buffer[]): boolean {
  const slots = [...known];
  while (slots.length < MIN_SLOTS) slots.push(digest(randomBytes(16).toString('hex')));
  let match = false;
  for (const candidate of slots) match = timingSafeEqual(given, candidate) || match;
  return match;
}
