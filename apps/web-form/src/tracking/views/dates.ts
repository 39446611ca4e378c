import type { Language } from '@app/contracts';

const LOCALES: Record<Language, string> = { tr: 'tr-TR', az: 'az-Latn-AZ', en: 'en-GB' };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A time from core in the page's language and the organisation's time zone; a bare date
 * (YYYY-MM-DD, a promised day) is shown as that day, whatever the zone. What cannot be read is
 * shown as it came rather than as "Invalid Date".
 */
export function formatWhen(value: string, lang: Language, timeZone: string): string {
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    ...(dateOnly ? { timeZone: 'UTC' } : { timeStyle: 'short', timeZone }),
  }).format(date);
}

/** The same, date only (deadlines are days to the customer). */
export function formatDay(value: string, lang: Language, timeZone: string): string {
  const dateOnly = DATE_ONLY.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    timeZone: dateOnly ? 'UTC' : timeZone,
  }).format(date);
}
