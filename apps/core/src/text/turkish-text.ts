/**
 * Text folding for matching, Turkish first. People type "Kadikoy", "KADIKÖY" and "kadıköy" for
 * the same place, and Azerbaijani adds ə: all of them must meet.
 * - Case folds with the Turkish rules (İ -> i, I -> ı), then treats dotted and dotless i alike,
 *   because keyboards without Turkish letters write one for the other.
 * - Removes diacritics (ö ü ş ç ğ â î û -> o u s c g a i u) and maps ə -> e.
 * - Turns every run of punctuation or whitespace into one space.
 */
export function foldForMatching(text: string): string {
  return text
    .toLocaleLowerCase('tr')
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'e')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The folded words of a text, in order. */
export function foldedTokens(text: string): string[] {
  const folded = foldForMatching(text);
  return folded === '' ? [] : folded.split(' ');
}
