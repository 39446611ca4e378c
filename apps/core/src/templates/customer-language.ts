import type { Language } from '@app/contracts';

const ENGLISH_WORDS =
  /\b(the|and|my|is|was|not|with|have|this|your|order|store|please|thank|you|i)\b/gi;
const TURKISH_WORDS = /\b(ve|bir|bu|için|çok|değil|ile|siparişim|mağaza|teşekkür|lütfen)\b/gi;
const AZERBAIJANI_WORDS = /\b(və|bir|bu|üçün|çox|deyil|ilə|sifarişim|mağaza|təşəkkür|xahiş)\b/gi;

/**
 * The language to answer in when the channel did not say: Azerbaijani has letters Turkish lacks
 * (ə, and q/x in native words), Turkish its dotless ı and ğ without ə; plain ASCII text with
 * common English words is English. Turkish is the default, as most customers write it.
 */
export function detectLanguage(text: string): Language {
  const sample = text.slice(0, 2_000);
  const lower = sample.toLocaleLowerCase('tr');
  if (lower.includes('ə')) return 'az';
  const az = (lower.match(AZERBAIJANI_WORDS) ?? []).length;
  const tr = (lower.match(TURKISH_WORDS) ?? []).length;
  if (az > tr) return 'az';
  if (/[ığşçöü]/.test(lower) || tr > 0) return 'tr';
  const en = (sample.match(ENGLISH_WORDS) ?? []).length;
  return en >= 2 ? 'en' : 'tr';
}

/** The customer's language: what the channel said, else what their text reads as. */
export function customerLanguage(declared: string | null | undefined, text: string): Language {
  if (declared === 'tr' || declared === 'az' || declared === 'en') return declared;
  return detectLanguage(text);
}
