import { customerLanguage, detectLanguage } from './customer-language';

describe('the language a customer is answered in', () => {
  it('takes what the channel declared', () => {
    expect(customerLanguage('en', 'Siparişim gelmedi')).toBe('en');
  });

  it('reads Azerbaijani, Turkish and English texts', () => {
    expect(detectLanguage('Sifarişim gəlmədi, zəhmət olmasa kömək edin')).toBe('az');
    expect(detectLanguage('Kadıköy şubesinde siparişim iade edilmedi')).toBe('tr');
    expect(detectLanguage('My order never arrived and the store did not answer')).toBe('en');
  });

  it('falls back to Turkish when nothing tells', () => {
    expect(customerLanguage(null, '12345')).toBe('tr');
  });
});
