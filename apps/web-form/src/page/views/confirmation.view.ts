import type { Language } from '@app/contracts';
import { PAGE_TEXTS } from '../i18n/page-texts';
import { markup } from './html';
import { layout } from './layout.view';

export interface ConfirmationView {
  lang: Language;
  /** Core's reference number, when it came within the wait. */
  reference?: string;
  trackingUrl: string;
}

function trackingHref(base: string, lang: Language, reference?: string): string {
  const [path, query = ''] = base.split('?', 2);
  const params = new URLSearchParams(query);
  if (reference) params.set('reference', reference);
  params.set('lang', lang);
  return `${path}?${params.toString()}`;
}

export function confirmationPage(view: ConfirmationView): string {
  const t = PAGE_TEXTS[view.lang].confirmation;
  const body = markup`<section class="card done" aria-labelledby="done-title">
    <h1 id="done-title">${t.title}</h1>
    <p>${t.lead}</p>
    ${
      view.reference
        ? markup`<p class="label">${t.referenceLabel}</p>
            <p class="reference" id="reference" data-reference="${view.reference}">
              ${view.reference}
            </p>
            <p>${t.keepIt}</p>`
        : markup`<p id="reference-later">${t.referenceLater}</p>`
    }
    <p class="actions">
      <a href="${trackingHref(view.trackingUrl, view.lang, view.reference)}">${t.track}</a>
      <a href="/?lang=${view.lang}">${t.another}</a>
    </p>
  </section>`;
  return layout({ lang: view.lang, title: t.title, body });
}
