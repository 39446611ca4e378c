import { rateLimitSubject } from './client-address';

describe('rateLimitSubject', () => {
  it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6', () => {
    expect(rateLimitSubject('203.0.113.7')).toBe('203.0.113.7');
    expect(rateLimitSubject('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('limits IPv6 clients by their /64, however the address is written', () => {
    expect(rateLimitSubject('2001:db8:85a3:12::8a2e:370:7334')).toBe('2001:db8:85a3:12::/64');
    expect(rateLimitSubject('2001:0db8:85a3:0012:ffff:0:0:1')).toBe('2001:db8:85a3:12::/64');
    expect(rateLimitSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitSubject('::1')).toBe('0:0:0:0::/64');
  });

  it('puts what is not an address in one bucket', () => {
    expect(rateLimitSubject(undefined)).toBe('unknown');
    expect(rateLimitSubject('not-an-ip')).toBe('unknown');
  });
});
