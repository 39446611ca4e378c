import { parseReference, type Language } from '@app/contracts';

/**
 * What we say in public under a customer's post: the reference number and an invitation to go on
 * in private. Nothing else, ever: no name, no handle, no words of the complaint or of our answer
 * (KVKK / GDPR: the conversation itself belongs in a direct message).
 */
const TEMPLATES: Record<Language, (reference: string) => string> = {
  tr: (ref) =>
    `Başvurunuz ${ref} referans numarasıyla kaydedildi. Devam etmek için lütfen bize doğrudan mesaj (DM) gönderin.`,
  az: (ref) =>
    `Müraciətiniz ${ref} istinad nömrəsi ilə qeydə alındı. Davam etmək üçün zəhmət olmasa bizə birbaşa mesaj (DM) göndərin.`,
  en: (ref) =>
    `Your feedback is recorded under reference ${ref}. Please send us a direct message (DM) to continue.`,
};

/** The public reply's text, or undefined when `reference` is not a well-formed reference number. */
export function publicReplyText(reference: string, language: Language): string | undefined {
  const parsed = parseReference(reference);
  return parsed.ok ? TEMPLATES[language](parsed.value.text) : undefined;
}
