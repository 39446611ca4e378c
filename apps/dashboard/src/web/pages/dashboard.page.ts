import type { Viewer } from '../../auth/viewer';
import { TEXTS, text, type PageLanguage, type TextKey } from '../i18n';
import { escapeHtml, jsonBlock, page } from './html';
import { languageLink } from './sign-in.page';

export interface DashboardPage {
  lang: PageLanguage;
  viewer: Viewer;
  /** The session's CSRF token for the sign-out form. */
  csrf: string;
  stylesheet: string;
  script: string;
}

/**
 * The page's frame: headings and empty panels in the viewer's language. dashboard.js fills the
 * panels from the live stream, with the texts handed over in a JSON data block (not a script).
 */
export function renderDashboardPage(view: DashboardPage): string {
  const t = (key: TextKey, values?: Record<string, string>) =>
    escapeHtml(text(view.lang, key, values));
  const { viewer } = view;
  const who = t('signedInAs', { name: viewer.name, role: viewer.role });
  const region = viewer.regionCode ? ` · ${t('region', { region: viewer.regionCode })}` : '';
  return page({
    lang: view.lang,
    title: text(view.lang, 'title'),
    stylesheet: view.stylesheet,
    script: view.script,
    body: `<script type="application/json" id="dashboard-texts">${jsonBlock({
      lang: view.lang,
      texts: TEXTS[view.lang],
    })}</script>
<header class="bar">
<h1>${t('title')}</h1>
<span id="live" class="live" data-live="connecting">${t('live.connecting')}</span>
<span id="updated" class="muted"></span>
<span class="spacer"></span>
<span class="muted">${who}${region}</span>
${languageLink(view.lang, '/')}
<form method="post" action="/logout" class="inline">
<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">
<button type="submit">${t('signOut')}</button>
</form>
</header>
<p id="notices" class="notices" aria-live="polite"></p>
<main>
<section aria-labelledby="channels-heading">
<h2 id="channels-heading">${t('panel.channels')}</h2>
<table id="channels" class="channels">
<thead><tr>
<th scope="col">${t('col.channel')}</th>
<th scope="col">${t('col.state')}</th>
<th scope="col">${t('col.lastMessage')}</th>
<th scope="col">${t('col.lastSuccess')}</th>
<th scope="col">${t('col.perMinute')}</th>
<th scope="col">${t('col.errors')}</th>
<th scope="col">${t('col.deadLetters')}</th>
<th scope="col">${t('col.qr')}</th>
</tr></thead>
<tbody id="channel-rows"><tr class="empty"><td colspan="8">${t('noChannels')}</td></tr></tbody>
</table>
</section>
<div class="panels">
<section id="sla" aria-labelledby="sla-heading"><h2 id="sla-heading">${t('panel.sla')}</h2><div id="sla-body"></div></section>
<section id="lag" aria-labelledby="lag-heading"><h2 id="lag-heading">${t('panel.lag')}</h2><div id="lag-body"></div></section>
<section id="dead-letters" aria-labelledby="dl-heading" hidden><h2 id="dl-heading">${t('panel.deadLetters')}</h2><div id="dead-letters-body"></div></section>
</div>
</main>`,
  });
}
