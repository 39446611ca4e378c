import { identitiesOf } from './customer-identity';

describe('identitiesOf', () => {
  it('lower-cases e-mail and writes phones in E.164 with Türkiye as the default region', () => {
    expect(
      identitiesOf({ email: ' Ayse.Yilmaz@Example.COM ', phone: '+905321234567' }, 'TR'),
    ).toEqual([
      { kind: 'email', value: 'ayse.yilmaz@example.com' },
      { kind: 'phone', value: '+905321234567' },
    ]);
  });

  it('makes a WhatsApp id also a phone, so a chat and a call from one number meet', () => {
    const fromWhatsApp = identitiesOf({ whatsappId: '905321234567@c.us' }, 'TR');
    const fromCloudApi = identitiesOf({ whatsappId: '905321234567' }, 'TR');
    const fromCall = identitiesOf({ phone: '+905321234567' }, 'TR');
    expect(fromWhatsApp).toContainEqual(fromCall[0]);
    expect(fromCloudApi).toContainEqual(fromCall[0]);
  });

  it('keys X users by id and by lower-cased handle', () => {
    expect(identitiesOf({ xUserId: '1234567890', xHandle: 'AyseYilmaz' }, 'TR')).toEqual([
      { kind: 'x_user', value: '1234567890' },
      { kind: 'x_handle', value: 'ayseyilmaz' },
    ]);
  });
});
