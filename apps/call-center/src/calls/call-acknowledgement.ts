import type { Language } from '@app/contracts';

/**
 * The call centre's acknowledgement is its answer to the webhook: the agent reads it to the
 * caller before hanging up (or the telephony system texts it), so it carries the reference
 * number and the link to follow the case, in the caller's language.
 */
export interface CallAcknowledgement {
  language: Language;
  text: string;
}

const TEMPLATES: Record<Language, (reference: string, trackingUrl: string) => string> = {
  tr: (reference, url) =>
    `Başvurunuz ${reference} referans numarasıyla kaydedildi. Durumunu ${url} adresinden bu numarayla takip edebilirsiniz.`,
  az: (reference, url) =>
    `Müraciətiniz ${reference} istinad nömrəsi ilə qeydə alındı. Vəziyyətini ${url} ünvanında bu nömrə ilə izləyə bilərsiniz.`,
  en: (reference, url) =>
    `Your feedback has been recorded under reference ${reference}. You can follow it at ${url} with this number.`,
};

/** The tracking page, opened on the case when the reference is known, in the caller's language. */
export function trackingLink(base: string, language: Language, reference?: string): string {
  const url = new URL(base);
  if (reference) url.searchParams.set('reference', reference);
  url.searchParams.set('lang', language);
  return url.toString();
}

export function callAcknowledgement(
  language: Language,
  reference: string,
  trackingUrl: string,
): CallAcknowledgement {
  return { language, text: TEMPLATES[language](reference, trackingUrl) };
}
