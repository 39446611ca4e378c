import { createHmac, timingSafeEqual } from 'node:crypto';

export function hmacSha256(secret: string, data: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/**
 * Constant-time comparison of an expected digest with one given as text (`sha256=<hex>` and the
 * like). A missing, malformed or wrong signature is `false`, never an exception.
 */
export function signatureMatches(
  given: string | undefined,
  expected: Buffer,
  format: { prefix: string; encoding: 'hex' | 'base64' },
): boolean {
  if (!given || !given.startsWith(format.prefix)) return false;
  const text = given.slice(format.prefix.length).trim();
  const valid =
    format.encoding === 'hex' ? /^[0-9a-fA-F]+$/.test(text) : /^[A-Za-z0-9+/]+={0,2}$/.test(text);
  if (!valid) return false;
  const actual = Buffer.from(text, format.encoding);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
