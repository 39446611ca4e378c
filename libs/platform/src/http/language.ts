import type { Request } from 'express';
import { LANGUAGES, type Language } from '@app/contracts';

/** Turkish first: customers who send no preference get Turkish. */
export const DEFAULT_LANGUAGE: Language = 'tr';

/** The best of our languages for the request's Accept-Language (q-values honoured by `accepts`). */
export function requestLanguage(req: Pick<Request, 'acceptsLanguages'>): Language {
  const best = req.acceptsLanguages(...LANGUAGES);
  return typeof best === 'string' && (LANGUAGES as readonly string[]).includes(best)
    ? (best as Language)
    : DEFAULT_LANGUAGE;
}
