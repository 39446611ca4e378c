import { foldedTokens, foldForMatching } from './turkish-text';

describe('foldForMatching', () => {
  it('makes the ways people write a Turkish place name meet', () => {
    const variants = ['Kadıköy', 'KADIKÖY', 'Kadikoy', 'kadıköy', 'KADİKÖY', 'Kadıköy!'];
    expect(new Set(variants.map(foldForMatching))).toEqual(new Set(['kadikoy']));
  });

  it('folds İstanbul and Iğdır with the Turkish rules', () => {
    expect(foldForMatching('İSTANBUL')).toBe('istanbul');
    expect(foldForMatching('IĞDIR')).toBe('igdir');
  });

  it('removes diacritics and the Azerbaijani schwa', () => {
    expect(foldForMatching('Şikâyət göndərirəm: çörək, ağ üzüm')).toBe(
      'sikayet gonderirem corek ag uzum',
    );
  });

  it('collapses punctuation and whitespace', () => {
    expect(foldedTokens("  Bağdat Caddesi'ndeki\tmağaza...  ")).toEqual([
      'bagdat',
      'caddesi',
      'ndeki',
      'magaza',
    ]);
  });
});
