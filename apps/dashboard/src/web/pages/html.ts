import type { PageLanguage } from '../i18n';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text or attribute value into HTML. Every dynamic value on a page goes through this. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** JSON inside a non-executed <script type="application/json"> block, safe from `</script>`. */
export function jsonBlock(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface PageShell {
  lang: PageLanguage;
  title: string;
  stylesheet: string;
  /** Already-escaped HTML. */
  body: string;
  script?: string;
}

/** No inline script or style anywhere: the Content-Security-Policy forbids them. */
export function page(shell: PageShell): string {
  const script = shell.script ? `<script src="${escapeHtml(shell.script)}" defer></script>` : '';
  return `<!doctype html>
<html lang="${shell.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(shell.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(shell.stylesheet)}">
${script}
</head>
<body>
${shell.body}
</body>
</html>
`;
}
