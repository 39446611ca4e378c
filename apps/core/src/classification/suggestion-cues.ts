// Suggestion cue phrases in Turkish, Azerbaijani and English; see type-cues.ts for how they weigh.

/** Each says on its own that the customer proposes something. */
export const SUGGESTION_PHRASES: readonly string[] = [
  'öneri',
  'önermek istiyorum',
  'tavsiyem',
  'keşke',
  'iyi olur',
  'güzel olur',
  'faydalı olur',
  'harika olur',
  'eklenebilir',
  'eklenmeli',
  'eklense',
  'eklenirse',
  'artırılsa',
  'artırılmalı',
  'artırılabilir',
  'düşünebilirsiniz',
  'düşünmelisiniz',
  'təklifim',
  'tövsiyə',
  'yaxşı olar',
  'əlavə edilsə',
  'əlavə olunsa',
  'i suggest',
  'suggestion',
  'would suggest',
  'would be nice',
  'would be great',
  'would be helpful',
  'it would help',
  'recommend adding',
  'please add',
];

/** Hints at a suggestion that need company. */
export const SUGGESTION_HINTS: readonly string[] = [
  // Turkish "teklif" is also a sales offer ("kredi kartı teklif ediyorsunuz").
  'təklif',
  'olsa',
  'bence',
  'fikrim',
  'you should',
  'you could',
  'why not',
  'consider',
  'idea',
];
