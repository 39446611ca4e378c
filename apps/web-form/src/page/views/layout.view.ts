import { LANGUAGES, type Language } from '@app/contracts';
import { PAGE_ASSETS } from '../assets/page-assets';
import { PAGE_TEXTS } from '../i18n/page-texts';
import { markup, type SafeHtml } from './html';

export interface LayoutArgs {
  lang: Language;
  title: string;
  body: SafeHtml;
  /** A captcha provider's script, when one is configured and the page shows its widget. */
  captchaScriptUrl?: string;
  /** Where the language links lead: this page in another language (`/` by default). */
  path?: string;
}

/** The frame of every page: language links, one stylesheet and one deferred script, no inline code. */
export function layout(args: LayoutArgs): string {
  const texts = PAGE_TEXTS[args.lang];
  const languages = LANGUAGES.map(
    (lang) =>
      markup`<a
        href="${args.path ?? '/'}?lang=${lang}"
        lang="${lang}"
        hreflang="${lang}"
        ${lang === args.lang ? markup` aria-current="true"` : ''}
        >${PAGE_TEXTS[lang].languageName}</a
      >`,
  );
  return `<!doctype html>\n${
    markup`<html lang="${args.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${args.title}</title>
        <link rel="stylesheet" href="${PAGE_ASSETS.css.url}" />
        <script src="${PAGE_ASSETS.js.url}" defer></script>
        ${args.captchaScriptUrl && markup`<script src="${args.captchaScriptUrl}" async defer></script>`}
      </head>
      <body>
        <header class="top"><nav aria-label="${texts.languageLabel}">${languages}</nav></header>
        <main>${args.body}</main>
      </body>
    </html> `.value
  }`;
}
