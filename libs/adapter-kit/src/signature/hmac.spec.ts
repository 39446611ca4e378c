import { hmacSha256, signatureMatches } from './hmac';

describe('signatureMatches', () => {
  const body = Buffer.from('{"entry":[]}');
  const expected = hmacSha256('app-secret', body);
  const hex = { prefix: 'sha256=', encoding: 'hex' as const };

  it('accepts the right signature', () => {
    expect(signatureMatches(`sha256=${expected.toString('hex')}`, expected, hex)).toBe(true);
  });

  it('refuses a missing, malformed, truncated or wrong one without throwing', () => {
    expect(signatureMatches(undefined, expected, hex)).toBe(false);
    expect(signatureMatches(expected.toString('hex'), expected, hex)).toBe(false);
    expect(signatureMatches('sha256=zz', expected, hex)).toBe(false);
    expect(signatureMatches(`sha256=${expected.toString('hex').slice(0, 10)}`, expected, hex)).toBe(
      false,
    );
    expect(
      signatureMatches(`sha256=${hmacSha256('other', body).toString('hex')}`, expected, hex),
    ).toBe(false);
  });

  it('reads base64 signatures (X)', () => {
    expect(
      signatureMatches(`sha256=${expected.toString('base64')}`, expected, {
        prefix: 'sha256=',
        encoding: 'base64',
      }),
    ).toBe(true);
  });
});
