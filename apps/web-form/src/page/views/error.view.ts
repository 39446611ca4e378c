import type { Language } from '@app/contracts';
import { PAGE_TEXTS } from '../i18n/page-texts';
import { fill, markup } from './html';
import { layout } from './layout.view';

export interface ErrorView {
  lang: Language;
  message: string;
  retryAfterSeconds?: number;
  /** The page to go back to: the form (`/`) or the tracking page. */
  backPath?: string;
}

/** What the page shows when it cannot show the form (rate limit, a body too large, a fault). */
export function errorPage(view: ErrorView): string {
  const t = PAGE_TEXTS[view.lang].errorPage;
  const minutes =
    view.retryAfterSeconds !== undefined ? Math.max(1, Math.ceil(view.retryAfterSeconds / 60)) : 0;
  const body = markup`<section class="card" aria-labelledby="error-title">
    <h1 id="error-title">${t.title}</h1>
    <p class="banner warn" role="alert">${view.message}</p>
    ${minutes > 0 && markup`<p>${fill(t.retryAfterMinutes, { minutes })}</p>`}
    <p class="actions"><a href="${view.backPath ?? '/'}?lang=${view.lang}">${t.back}</a></p>
  </section>`;
  return layout({ lang: view.lang, title: t.title, body });
}
