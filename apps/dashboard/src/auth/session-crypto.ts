import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';
import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A session is a random id in an HttpOnly cookie. The database keeps only the id's SHA-256 and
 * the person's API token sealed with a key derived from the id itself: the table alone reveals no
 * token, the cookie alone is nothing once the row is deleted (sign-out, expiry), and several
 * dashboard instances share sessions without sharing a secret.
 */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdHash(sessionId: string): Buffer {
  return createHash('sha256').update(sessionId, 'utf8').digest();
}

/** A stable, non-reversible name for a token: the key of per-token caches. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function sealingKey(sessionId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionId, 'dashboard-session', 'api-token', 32));
}

/** AES-256-GCM: 12 bytes of nonce, 16 of tag, then the ciphertext. */
export function sealToken(token: string, sessionId: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(sessionId), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the sealed token was not sealed under this session id (or was tampered with). */
export function openToken(sealed: Buffer, sessionId: string): string {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(sessionId), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
}

/** The CSRF token of a session's forms (sign-out): derived, so nothing more is stored. */
export function csrfTokenFor(sessionId: string): string {
  return createHmac('sha256', sessionId).update('dashboard-csrf').digest('base64url');
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison of two strings of any length. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
