import { isIPv4, isIPv6 } from 'node:net';

/**
 * The rate-limit subject of a client address: IPv4 as is; IPv6 by its /64 prefix, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through it. IPv4-mapped IPv6
 * addresses (`::ffff:1.2.3.4`, what a dual-stack socket reports) count as their IPv4 address.
 */
export function rateLimitSubject(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const withoutZone = address.split('%')[0];
  const [head, tail] = withoutZone.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  // An embedded IPv4 tail (`::1.2.3.4`) is two groups; only the first four groups matter here.
  const missing = 8 - left.length - right.length;
  const filled =
    tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right];
  return filled.map((g) => (g.includes('.') ? g : (parseInt(g, 16) || 0).toString(16)));
}
