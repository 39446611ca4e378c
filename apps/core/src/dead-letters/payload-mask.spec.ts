import { maskedKey, maskedPayload } from './payload-mask';

describe('masking dead-letter payloads for ops', () => {
  it('keeps the structure and hides who wrote what', () => {
    const payload = {
      channel: 'email',
      sender: { name: 'Ayşe', email: 'ayse.yilmaz@example.com', phone: '+90 532 123 45 67' },
      subject: 'İade',
      text: 'Siparişim gelmedi',
      attachments: [{ fileName: 'fis.jpg', size: 120 }],
    };
    const shown = maskedPayload({ encoding: 'utf8', data: JSON.stringify(payload) });
    expect(shown).toEqual({
      channel: 'email',
      sender: { name: 'A***', email: 'a***@example.com', phone: '***67' },
      subject: '[4 characters]',
      text: '[17 characters]',
      attachments: [{ fileName: 'fis.jpg', size: 120 }],
    });
  });

  it('shows only the size of bytes it cannot parse', () => {
    expect(
      maskedPayload({ encoding: 'utf8', data: 'From: ayse@example.com\r\n\r\nmerhaba' }),
    ).toEqual({
      unparsed: true,
      encoding: 'utf8',
      bytes: 33,
    });
    expect(
      maskedPayload({ encoding: 'base64', data: Buffer.from([1, 2, 3]).toString('base64') }),
    ).toEqual({ unparsed: true, encoding: 'base64', bytes: 3 });
  });

  it("keeps a key's channel and hides its sender", () => {
    expect(maskedKey('whatsapp:+905339876543')).toBe('whatsapp:***43');
    expect(maskedKey(null)).toBeNull();
  });
});
