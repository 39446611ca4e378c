import { formatReference, LANGUAGES } from '@app/contracts';
import { publicReplyText } from './public-reply.text';

const FIRST = formatReference('KM', 2026, 4217);
const SECOND = formatReference('KM', 2026, 4218);

describe('the public reply under a mention', () => {
  it('carries the reference number and an invitation to DM, and nothing else that varies', () => {
    for (const language of LANGUAGES) {
      const text = publicReplyText(FIRST, language)!;
      expect(text).toContain(FIRST);
      expect(text).toContain('DM');
      // Only the reference varies: the same words for every customer.
      expect(publicReplyText(SECOND, language)!.replace(SECOND, '')).toBe(text.replace(FIRST, ''));
      expect(text.length).toBeLessThanOrEqual(280);
    }
  });

  it('is not written when the reference is not a reference number', () => {
    expect(publicReplyText('Ayşe Kaya 0532 123 45 67', 'tr')).toBeUndefined();
  });
});
