import { factorMatches, givenFactorDigest, knownFactorDigests } from './second-factor';

describe('the second factor of the tracking API', () => {
  const known = knownFactorDigests([
    { kind: 'email', value: 'derya.aksoy@example.com' },
    { kind: 'phone', value: '+905321234567' },
  ]);

  it('accepts the e-mail in any case and the last four digits of the phone', () => {
    expect(factorMatches(givenFactorDigest(' Derya.Aksoy@Example.com '), known)).toBe(true);
    expect(factorMatches(givenFactorDigest('4567'), known)).toBe(true);
  });

  it('refuses other digits, another address, more digits, and nothing', () => {
    expect(factorMatches(givenFactorDigest('4568'), known)).toBe(false);
    expect(factorMatches(givenFactorDigest('someone@example.com'), known)).toBe(false);
    expect(factorMatches(givenFactorDigest('1234567'), known)).toBe(false);
    expect(factorMatches(givenFactorDigest(undefined), known)).toBe(false);
  });

  it('matches nothing for a case without identities (an erased customer)', () => {
    expect(factorMatches(givenFactorDigest('4567'), knownFactorDigests([]))).toBe(false);
  });
});
