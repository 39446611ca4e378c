import { isTextKey, text, type PageLanguage, type TextKey } from '../i18n';
import { escapeHtml, page } from './html';

export interface SignInPage {
  lang: PageLanguage;
  csrf: string;
  stylesheet: string;
  /** The error code of the last attempt (token_rejected, core_unavailable...). */
  error?: string;
}

/** A link to the same page in the other language; the choice is remembered in a cookie. */
export function languageLink(lang: PageLanguage, path: string): string {
  const other = lang === 'tr' ? 'en' : 'tr';
  const name = other === 'tr' ? 'Türkçe' : 'English';
  return `<a class="lang" href="${path}?lang=${other}" hreflang="${other}" lang="${other}">${name}</a>`;
}

export function renderSignInPage(view: SignInPage): string {
  const t = (key: TextKey) => escapeHtml(text(view.lang, key));
  const errorKey = `error.${view.error ?? ''}`;
  const error = view.error
    ? `<p class="error" role="alert" data-error="${escapeHtml(view.error)}">${
        isTextKey(errorKey) ? t(errorKey) : escapeHtml(view.error)
      }</p>`
    : '';
  return page({
    lang: view.lang,
    title: text(view.lang, 'signin.heading'),
    stylesheet: view.stylesheet,
    body: `<main class="signin">
<nav class="bar">${languageLink(view.lang, '/login')}</nav>
<h1>${t('signin.heading')}</h1>
<p>${t('signin.explain')}</p>
${error}
<form method="post" action="/login" autocomplete="off">
<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">
<label for="token">${t('signin.token')}</label>
<input id="token" name="token" type="password" required maxlength="500" autofocus>
<button type="submit">${t('signin.submit')}</button>
</form>
</main>`,
  });
}
