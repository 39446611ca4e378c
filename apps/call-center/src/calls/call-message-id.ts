import { createHash } from 'node:crypto';

/** Namespace of the call centre's name-based message ids (a random v4, fixed for ever). */
const NAMESPACE = Buffer.from('5d1c0a8e4b7f4f2a9c3e6b1d2f0a7c94', 'hex');

/**
 * The messageId of a call: a UUID v5 (RFC 9562) of the account and the call id. Every delivery
 * of a call carries the same messageId, on any instance and even after the call table forgot it,
 * so core's answer to a redelivery names the id the caller is waiting for.
 */
export function callMessageId(account: string, callId: string): string {
  return uuidV5(NAMESPACE, `${account}\n${callId}`);
}

export function uuidV5(namespace: Buffer, name: string): string {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
