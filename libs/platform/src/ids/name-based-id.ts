import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name: the same name gives the same id on every instance and
 * every delivery, which is what makes a redelivered input recognisably the same one downstream.
 * SHA-256 of the name with the version nibble 5 and variant `a` set (not RFC 9562's SHA-1 over a
 * namespace); it stays this way because ids already stored were made like this.
 */
export function nameBasedId(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
