import { createHash, randomBytes } from 'node:crypto';

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** A new secret: 32 random bytes, URL-safe, with a prefix that secret scanners can recognise. */
export function newTokenSecret(): string {
  return `cgt_${randomBytes(32).toString('base64url')}`;
}
