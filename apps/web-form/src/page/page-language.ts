import { LANGUAGES, type Language } from '@app/contracts';
import { requestLanguage } from '@app/platform';
import type { Request } from 'express';

/** `?lang=tr|az|en` first (the language links), then Accept-Language, Turkish by default. */
export function pageLanguage(req: Pick<Request, 'query' | 'acceptsLanguages'>): Language {
  const asked = req.query?.lang;
  if (typeof asked === 'string' && (LANGUAGES as readonly string[]).includes(asked)) {
    return asked as Language;
  }
  return requestLanguage(req);
}
