import type { Language } from '@app/contracts';
import type { PageTexts } from './page-texts.type';
import { AZ_TEXTS } from './texts.az';
import { EN_TEXTS } from './texts.en';
import { TR_TEXTS } from './texts.tr';

// The interface lives in its own file so that the per-language texts can name it without importing
// this map back (no import cycle).
export type { PageTexts } from './page-texts.type';

export const PAGE_TEXTS: Record<Language, PageTexts> = { tr: TR_TEXTS, az: AZ_TEXTS, en: EN_TEXTS };
