import { DEFAULT_QUIET_MINUTES, QuietPeriods } from './quiet-periods';

describe('QuietPeriods', () => {
  it('takes the account’s own period, else its channel’s, else the default', () => {
    const quiet = QuietPeriods.parse({
      defaultMinutes: 60,
      channels: { email: 240 },
      accounts: { 'email:destek@ornek.com.tr': 30, 'email:test@ornek.com.tr': null },
    });
    expect(quiet.forAccount('email', 'destek@ornek.com.tr')).toBe(30 * 60_000);
    expect(quiet.forAccount('email', 'test@ornek.com.tr')).toBeNull();
    expect(quiet.forAccount('email', 'satis@ornek.com.tr')).toBe(240 * 60_000);
    expect(quiet.forAccount('x', '2244994945')).toBe(60 * 60_000);
  });

  it('defaults to two hours when nothing is configured', () => {
    expect(new QuietPeriods().forAccount('web-form', 'default')).toBe(
      DEFAULT_QUIET_MINUTES * 60_000,
    );
  });

  it('refuses unknown channels and malformed keys', () => {
    expect(() => QuietPeriods.parse({ channels: { fax: 10 } })).toThrow(/channels/);
    expect(() => QuietPeriods.parse({ accounts: { nochannel: 10 } })).toThrow(/channel:account/);
  });
});
