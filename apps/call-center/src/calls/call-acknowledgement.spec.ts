import { callAcknowledgement, trackingLink } from './call-acknowledgement';

describe('call acknowledgement', () => {
  it('opens the tracking page on the case, in the language of the call', () => {
    expect(trackingLink('https://sikayet.example.com/track', 'az', 'KM-2026-000001-5')).toBe(
      'https://sikayet.example.com/track?reference=KM-2026-000001-5&lang=az',
    );
    expect(trackingLink('https://example.com/track?brand=x', 'tr')).toBe(
      'https://example.com/track?brand=x&lang=tr',
    );
  });

  it('carries the reference and the link in every language', () => {
    const url = 'https://example.com/track?reference=KM-2026-000001-5&lang=tr';
    for (const language of ['tr', 'az', 'en'] as const) {
      const { text } = callAcknowledgement(language, 'KM-2026-000001-5', url);
      expect(text).toContain('KM-2026-000001-5');
      expect(text).toContain(url);
    }
    expect(callAcknowledgement('az', 'KM-2026-000001-5', url).text).toMatch(/^Müraciətiniz/);
  });
});
